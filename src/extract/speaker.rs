//! Who said it: noun phrases around reporting verbs, and the names they
//! resolve to.
//!
//! - [`NameBook`] reads every person named in the article (outside quotes):
//!   full names ("Volodymyr Zelenskyy", titles and roles stripped) and later
//!   mentions by surname, pronoun or role ("the minister").
//! - [`subject_before`] and [`phrase_after`] find the noun phrase that names
//!   the speaker on either side of a reporting verb.
//! - [`NameBook::speaker`] turns that phrase into the speaker string: a
//!   person's fullest name, a resolved pronoun, or an organisation or unnamed
//!   source as written ("the Kremlin", "a senior US official").

use super::doc::Doc;
use super::lexicon::Gender;
use std::borrow::Cow;
use std::ops::Range;

/// A person named with at least two words.
#[derive(Debug, Clone)]
struct FullName<'a> {
    words: Vec<Cow<'a, str>>,
    text: Cow<'a, str>,
    first_pos: usize,
}

/// A place in the text that names a person.
#[derive(Debug, Clone)]
struct Mention<'a> {
    pos: usize,
    name: Cow<'a, str>,
    gender: Gender,
    /// Right after a preposition ("met with Yermak"): rarely a pronoun's antecedent.
    oblique: bool,
    /// Written as a possessor ("Zelenskyy’s chief of staff").
    possessive: bool,
    /// Its outer sentence.
    sentence: usize,
    /// The title words it was introduced with, for "the minister said".
    roles: Roles,
}

/// Where the title words of a name are: the run's words before the name
/// ("Foreign Minister" of "Foreign Minister Andrii Sybiha") and a lower-case
/// title right before the run ("chief" of "EU policy chief Kaja Kallas").
/// Token indices, so that reading names allocates nothing for them.
#[derive(Debug, Clone, Default)]
struct Roles {
    run: Range<usize>,
    before: Option<usize>,
}

impl Roles {
    /// Whether `word` (lower case) is one of the title words.
    fn has(&self, doc: &Doc, word: &str) -> bool {
        self.run
            .clone()
            .chain(self.before)
            .any(|i| doc.is_word(i) && doc.word(i).eq_ignore_ascii_case(word))
    }
}

/// The people named in an article.
#[derive(Debug, Default)]
pub(crate) struct NameBook<'a> {
    full: Vec<FullName<'a>>,
    mentions: Vec<Mention<'a>>,
    /// Sentence-initial unnamed subjects ("The stranger was …"), for pronouns
    /// with no named antecedent.
    nominals: Vec<(usize, String)>,
}

/// A run of capitalised words, split at possessives.
#[derive(Debug, Clone)]
struct Candidate {
    /// Token indices of the name (titles and leading words removed).
    name: Range<usize>,
    /// Whether anything stood before the name inside the run (a title).
    titled: bool,
    /// Organisation, place, or a name right after "the".
    not_person: bool,
    /// Followed by a lower-case title and a name ("Lib Dem leader Charles
    /// Kennedy", "Trump adviser Steve Witkoff"): it modifies that person's
    /// title and is no mention of its own, though elsewhere it may be one.
    modifier: bool,
    oblique: bool,
    /// Its title words.
    roles: Roles,
}

impl<'a> NameBook<'a> {
    /// Reads the names of `doc`.
    pub(crate) fn read(doc: &Doc<'a>) -> Self {
        let candidates = candidates(doc);
        // The words of every candidate and their text, read once.
        let named: Vec<(Vec<Cow<'a, str>>, Cow<'a, str>)> = candidates
            .iter()
            .map(|c| {
                let words = name_words(doc, c.name.clone());
                let text = joined(doc.text, &words);
                (words, text)
            })
            .collect();
        // Few per article: a list is faster than hashing.
        let not_person: Vec<&str> = candidates
            .iter()
            .zip(&named)
            .filter(|(c, _)| c.not_person)
            .map(|(_, (_, text))| text.as_ref())
            .collect();
        let mut book = NameBook::default();
        for (c, (words, text)) in candidates.iter().zip(&named) {
            if c.not_person {
                continue;
            }
            if words.len() >= 2
                && !not_person.contains(&text.as_ref())
                && !book.full.iter().any(|f| f.text == *text)
            {
                book.full.push(FullName {
                    words: words.clone(),
                    text: text.clone(),
                    first_pos: doc.tokens[c.name.start].start,
                });
            }
        }
        for (c, (words, text)) in candidates.iter().zip(&named) {
            if c.not_person || c.modifier {
                continue;
            }
            let pos = doc.tokens[c.name.start].start;
            let fuller = book.fuller(words, pos);
            let is_person = words.len() >= 2 && !not_person.contains(&text.as_ref())
                || fuller.is_some()
                || c.titled
                || followed_by_cue(doc, c.name.end);
            if !is_person || words.is_empty() {
                continue;
            }
            let name = fuller.map_or_else(|| text.clone(), |f| f.text.clone());
            let gender = doc.lex.gender(name.split(' ').next().unwrap_or(""));
            let last = doc.word(c.name.end - 1);
            book.mentions.push(Mention {
                pos,
                name,
                gender,
                oblique: c.oblique,
                possessive: strip_possessive(last) != last,
                sentence: doc.outer_of(c.name.start),
                roles: c.roles.clone(),
            });
        }
        book.nominals = nominal_subjects(doc);
        book
    }

    /// The fullest known name that ends with `words` and was seen before
    /// `pos` (or anywhere, when none was seen before).
    fn fuller(&self, words: &[Cow<'a, str>], pos: usize) -> Option<&FullName<'a>> {
        let mut best: Option<&FullName<'a>> = None;
        let mut best_key = (false, 0usize);
        for f in &self.full {
            if f.words.len() <= words.len() || !f.words.ends_with(words) {
                continue;
            }
            // Names seen before `pos` first, then the longest.
            let key = (f.first_pos <= pos, f.words.len());
            if best.is_none() || key > best_key {
                best = Some(f);
                best_key = key;
            }
        }
        best
    }

    /// `words` as the fullest form of the name seen in the article.
    fn canonical(&self, words: &[Cow<'a, str>], pos: usize) -> String {
        match self.fuller(words, pos) {
            Some(f) => f.text.to_string(),
            None => words.join(" "),
        }
    }

    /// The person a pronoun at byte `pos` refers to: the most recently named
    /// person (outside quotes, not right after a preposition) whose given
    /// name does not contradict the pronoun; failing that, a recent unnamed
    /// subject ("the stranger"); failing that, `None`.
    pub(crate) fn resolve_pronoun(&self, pronoun: &str, pos: usize) -> Option<String> {
        let wanted = super::lexicon::with_lowercase(pronoun, |p| match p {
            "he" | "him" | "his" => Some(Gender::Male),
            "she" | "her" => Some(Gender::Female),
            _ => None,
        })?;
        let before = self.mentions.partition_point(|m| m.pos < pos);
        let fits =
            |m: &&Mention<'a>| !m.oblique && (m.gender == Gender::Unknown || m.gender == wanted);
        // The nearest sentence that names a fitting person; in it, the first
        // such person not written as a possessor (the likely subject).
        if let Some(nearest) = self.mentions[..before].iter().rev().find(fits) {
            let chosen = self.mentions[..before]
                .iter()
                .filter(fits)
                .find(|m| m.sentence == nearest.sentence && !m.possessive)
                .unwrap_or(nearest);
            return Some(chosen.name.to_string());
        }
        let before = self.nominals.partition_point(|(p, _)| *p < pos);
        before.checked_sub(1).map(|i| self.nominals[i].1.clone())
    }

    /// The person that "the minister" or "the foreign minister" (`np`)
    /// refers to: the latest person named, in the five sentences before,
    /// with that role word as a title ("Foreign Minister Andrii Sybiha").
    /// `None` when `np` is not "the" and lower-case words ending in a title,
    /// or no one named fits: the phrase then stays as written.
    fn by_role(&self, doc: &Doc<'a>, np: Range<usize>) -> Option<String> {
        if !is_the_phrase(doc, &np)
            || !(np.start + 1..np.end).all(|i| doc.is_lowercase(i))
            || !doc.has(np.end - 1, &doc.lex.titles)
        {
            return None;
        }
        // Every title word of the phrase must be one of the person's ("the
        // prime minister" is not "Foreign Minister …"), and a rank that
        // sets a person apart must be in the phrase ("the prime minister"
        // is not "deputy prime minister John Prescott").
        let wanted = || (np.start + 1..np.end).filter(|&i| doc.has(i, &doc.lex.titles));
        const RANKS: &[&str] = &["deputy", "vice", "acting", "former", "shadow", "junior"];
        let fits = |m: &Mention| {
            wanted().all(|i| m.roles.has(doc, doc.word(i)))
                && RANKS
                    .iter()
                    .all(|r| !m.roles.has(doc, r) || wanted().any(|i| doc.word(i) == *r))
        };
        let pos = doc.tokens[np.start].start;
        let sentence = doc.outer_of(np.start);
        let before = self.mentions.partition_point(|m| m.pos < pos);
        self.mentions[..before]
            .iter()
            .rev()
            .take_while(|m| m.sentence + 5 >= sentence)
            .find(|m| fits(m))
            .map(|m| m.name.to_string())
    }

    /// What "it" or "they" at token `pronoun` speaks for: the subject of
    /// the latest reporting verb in the three sentences before that can be
    /// its antecedent ("Gencorp Inc said … It said" → "Gencorp Inc";
    /// "Trade sources said … They said" → "Trade sources"). For "it" that is the
    /// latest subject, if it is a name or a determiner phrase; for "they",
    /// the latest plural one ("analysts", "The Tories"), past singular ones.
    /// A subject that is the same pronoun sends the search further back.
    /// `None` when a person comes first (the pronoun is not them; "he" and
    /// "she" are [`NameBook::resolve_pronoun`]'s), or nothing fits.
    fn resolve_group(&self, doc: &Doc<'a>, pronoun: usize, plural: bool) -> Option<String> {
        let sentence = doc.outer_of(pronoun);
        let mut cue = doc.outer.get(sentence)?.start;
        // Only a pronoun that opens its sentence ("It said", "But they
        // said") or follows what it reports ("…, it said"); elsewhere it
        // refers to the sentence's own subject ("The government has ruled it
        // out, because it says …"), which this does not read.
        let opens = (cue..pronoun).all(|i| {
            !doc.is_word(i)
                || super::lexicon::with_lowercase(doc.word(i), |w| {
                    matches!(w, "but" | "and" | "however" | "also" | "so" | "yet")
                })
        });
        let follows_report = pronoun > cue && doc.is_punct(pronoun - 1, ',');
        if !(opens || follows_report) {
            return None;
        }
        for prev in (sentence.saturating_sub(3)..sentence).rev() {
            let range = doc.outer[prev].clone();
            let verb = (range.start..range.end.min(cue))
                .find(|&i| doc.cue(i).is_some() && !doc.in_quote(i));
            let subject = match verb {
                Some(verb) => subject_before(doc, verb, range.start).or_else(|| {
                    // Inverted: "…,” said the radio station. It added …"
                    let inverted = verb > range.start
                        && (doc.is_punct(verb - 1, ',') || doc.in_quote(verb - 1));
                    inverted
                        .then(|| phrase_after(doc, verb + 1, range.end))
                        .flatten()
                }),
                // No reporting verb: only "it", and only for the sentence
                // right before, when it opens with an organisation ("The
                // company also unveiled plans … It added that …").
                None if !plural && prev + 1 == sentence => {
                    match super::reported::subject_with_article(doc, range.start, range.end)
                        .filter(|np| np.start == range.start && names_organisation(doc, np.clone()))
                    {
                        Some(np) => Some(np),
                        None => continue,
                    }
                }
                None => continue,
            };
            cue = range.start;
            let np = trim_phrase(doc, subject?);
            if np.is_empty() {
                return None;
            }
            if np.len() == 1 && is_pronoun(doc.word(np.start)) {
                if group_pronoun(doc.word(np.start)) != Some(plural) {
                    return None; // another pronoun
                }
                continue;
            }
            let span = doc.span(np.clone());
            // A person is no antecedent of "it" or "they". A lone
            // capitalised word that never had a given name, title or known
            // gender ("Southcorp said … It said") counts as a person only
            // for "they".
            let lone_name = |m: &Mention| {
                np.len() == 1
                    && !m.name.contains(' ')
                    && m.gender == Gender::Unknown
                    && !is_plural_noun(doc.word(np.start))
            };
            if self
                .mentions
                .iter()
                .any(|m| span.contains(&m.pos) && (plural || !lone_name(m)))
            {
                return None;
            }
            if plural {
                if !is_plural_noun(doc.word(np.end - 1)) {
                    continue;
                }
            } else if !(doc.is_capitalized(np.start) && !doc.has(np.start, &doc.lex.group_nouns)
                || doc.has(np.start, &doc.lex.determiners))
            {
                // A name or a determiner phrase ("Gencorp Inc", "The
                // ministry"), not a bare plural ("analysts", "Analysts") or
                // a stray word.
                return None;
            }
            return self.speaker(doc, np);
        }
        None
    }

    /// The speaker named by the noun phrase `np` (token indices): a
    /// person's fullest name without titles, a resolved pronoun, or the
    /// phrase as written for organisations and unnamed sources.
    ///
    /// Never a bare company suffix ("Ltd"), a time word ("today"), a lone
    /// determiner or preposition ("the", "In") or an adverbial ("in the
    /// past"): those give `None`, as an unknown speaker does. A leading
    /// adverbial is dropped ("In a statement the RSPCA" → "the RSPCA"), and
    /// a name ending in a company suffix takes the capitalised words before
    /// it ("Dart Group Corp", "Industrial Equity (Pacific) Ltd").
    pub(crate) fn speaker(&self, doc: &Doc<'a>, mut np: Range<usize>) -> Option<String> {
        // "the Edison Electric Institute (EEI)", "… Co Ltd <BRKN.S>": the
        // name before the brackets.
        if np.end > np.start && (doc.is_punct(np.end - 1, ')') || doc.is_punct(np.end - 1, '>')) {
            if let Some(open) = bracket_after_name(doc, np.end - 1, np.start) {
                if let Some(tag) = self.company_tag(doc, np.start, open, np.end - 1) {
                    return (!is_junk_speaker(doc, &tag)).then_some(tag);
                }
                np.end = open;
            }
        }
        let np = trim_phrase(doc, np);
        if np.is_empty() {
            return None;
        }
        let np = without_adverbial(doc, np)?;
        let np = with_company_name(doc, np);
        let np = after_headline(doc, np.clone())..np.end;
        let found = self.speaker_in(doc, np)?;
        (!is_junk_speaker(doc, &found)).then_some(found)
    }

    /// The company a wire service tags in angle brackets, when the tag is
    /// the speaker's name rather than a ticker after it: "Dutch steel concern
    /// <Hoogovens Groep BV>" and "Sweden's <AB Leo>" → the name in the tag;
    /// "A spokesman for <Furnas Centrais Eletricas>" → the phrase with the
    /// tag's name. `None` for a ticker ("CSR Ltd <CSRA.S>", no lower-case
    /// letter), after a name, or after a person and a preposition ("Stuart
    /// McKibbin of <A.C. Goode and Co>"), where the person speaks.
    fn company_tag(
        &self,
        doc: &Doc<'a>,
        start: usize,
        open: usize,
        close: usize,
    ) -> Option<String> {
        let inside = open + 1..close;
        if !tag_is_name(doc, inside.clone()) {
            return None;
        }
        let name = || written(doc, inside.clone());
        if open == start {
            return Some(name());
        }
        // "Stuart McKibbin of Melbourne broker <A.C. Goode and Co Ltd>": a
        // person before a preposition speaks.
        let preposition =
            (start..open).find(|&i| doc.is_lowercase(i) && doc.has(i, &doc.lex.prepositions));
        if let Some(p) = preposition {
            if p > start && self.person_in(doc, start..p).is_some() {
                return None;
            }
        }
        let before = open - 1;
        let w = doc.word(before);
        if preposition == Some(before) {
            return Some(format!("{} {}", written(doc, start..open), name()));
        }
        (doc.is_lowercase(before) || strip_possessive(w) != w).then(name)
    }

    /// [`NameBook::speaker`] before the junk check.
    fn speaker_in(&self, doc: &Doc<'a>, np: Range<usize>) -> Option<String> {
        if np.len() == 1 && is_pronoun(doc.word(np.start)) {
            if let Some(plural) = group_pronoun(doc.word(np.start)) {
                return self.resolve_group(doc, np.start, plural);
            }
            // "The changes proposed by Lord Dubs were complex, he said": a
            // pronoun after what it reports is none of the people named in
            // it, so only those before its sentence count.
            // Not when the sentence has a reporting verb or a colon of its
            // own before ("Liam Fox derided the plan, saying: “…” …, he
            // said"; "Andriy Yermak was blunt: „…“, he said"), nor in an
            // aside ("the minister who, he claims, is …").
            let sentence_start = doc.sentence_start(np.start);
            let trailing = np.start > sentence_start + 1
                && (doc.is_punct(np.start - 1, ',') || doc.in_quote(np.start - 1))
                && np.start + 1 < doc.tokens.len()
                && doc.cue(np.start + 1).is_some()
                && !(sentence_start..np.start - 1).any(|i| {
                    !doc.in_quote(i)
                        && (doc.cue(i).is_some() && doc.is_lowercase(i) || doc.is_punct(i, ':'))
                })
                && !super::lexicon::with_lowercase(doc.word(np.start - 2), |w| {
                    matches!(w, "who" | "which" | "that" | "whom")
                });
            let bound = if trailing { sentence_start } else { np.start };
            return self.resolve_pronoun(doc.word(np.start), doc.tokens[bound].start);
        }
        // "the minister said": the person last introduced with that role.
        if let Some(name) = self.by_role(doc, np.clone()) {
            return Some(name);
        }
        // "McDonald's announced": a name that ends in "'s" right before its
        // verb possesses nothing; it is the name, as written.
        let last = doc.word(np.end - 1);
        let name_run = (np.start..np.end).all(|i| {
            doc.is_capitalized(i) && !is_pronoun(strip_possessive(doc.word(i)))
                || matches!(doc.word(i), "&" | "and" | "of")
        });
        // A verb, not a noun: "announced", "says", not "Mr Blair's promise".
        let verb_follows = np.end < doc.tokens.len()
            && doc.cue(np.end).is_some()
            && doc.is_lowercase(np.end)
            && (doc.word(np.end).ends_with('d') || doc.word(np.end).ends_with('s'));
        if name_run && verb_follows && strip_possessive(last) != last {
            return Some(written(doc, np));
        }
        // "the company said": the company named last before it.
        if let Some(name) = by_company(doc, np.clone()) {
            return Some(name);
        }
        // "a homeless man who goes by the name “Shorty”"
        if let Some(name) = named_as(doc, np.clone()) {
            return Some(name);
        }
        // "Supporters of President Laurent Gbagbo", "Analysts at Nomura": a
        // group of unnamed sources, as written; the name inside is not them.
        // "Police Federation chairman Jan Berry" is a name after all.
        if doc.has(np.start, &doc.lex.group_nouns)
            && !(np.start + 1 < np.end && doc.is_capitalized(np.start + 1))
        {
            return Some(written(doc, np));
        }
        // "Burton and Nick", "Marks & Spencer": several names, kept together.
        let joins = |i: usize| matches!(doc.word(i), "and" | "&");
        if np.len() >= 3
            && (np.start..np.end).all(|i| doc.is_capitalized(i) || joins(i))
            && (np.start..np.end).any(joins)
        {
            return Some(written(doc, np));
        }
        // "Castaignede ahead of the tie", "Peskov on Tuesday": a name, then an adjunct.
        let lead = (np.start..np.end)
            .take_while(|&i| doc.is_capitalized(i) || doc.is_punct(i, '.'))
            .count();
        if lead > 0 && np.start + lead < np.end {
            let next = np.start + lead;
            let adjunct = doc.is_lowercase(next)
                && doc.word(next) != "of"
                && (doc.has(next, &doc.lex.prepositions)
                    || doc.has(next, &doc.lex.pre_verb)
                    || doc.word(next) == "ahead");
            if adjunct {
                if let Some(name) = self.person_in(doc, np.start..next) {
                    return Some(name);
                }
            }
        }
        // "Tatiana Stanovaya of the Carnegie Center": the name before "of".
        let of = (np.start..np.end).find(|&i| doc.word(i) == "of");
        if let Some(of) = of {
            if let Some(name) = self.person_in(doc, np.start..of) {
                return Some(name);
            }
        }
        if let Some(name) = self.person_in(doc, np.clone()) {
            return Some(name);
        }
        // An appositive before the verb: "Hugh Hill, a doctor, said".
        Some(written(doc, np))
    }

    /// The person named at the end of `np`, when it names one.
    fn person_in(&self, doc: &Doc<'a>, np: Range<usize>) -> Option<String> {
        let np = trim_phrase(doc, np);
        let tail = name_tail(doc, np.clone())?;
        if !(tail.start..tail.end).any(|i| doc.is_word(i)) {
            return None; // no words
        }
        let pos = doc.tokens[tail.start].start;
        // "the Associated Press", "the Kremlin": an organisation.
        let right_after_determiner = tail.start > np.start
            && doc.has(tail.start - 1, &doc.lex.determiners)
            || tail.start == np.start
                && np.start > 0
                && doc.has(np.start - 1, &doc.lex.determiners);
        // "Economists at the central bank of Orlan": the name is not the head.
        let after_preposition = tail.start > np.start
            && doc.is_lowercase(tail.start - 1)
            && doc.has(tail.start - 1, &doc.lex.prepositions);
        // "the Organisation of Economic Cooperation and Development": one
        // proper name after "the", not a person at its end.
        let named_organisation = doc.has(np.start, &doc.lex.determiners)
            && tail.start > np.start + 1
            && matches!(doc.word(tail.start - 1), "of" | "and" | "&" | "for")
            && (np.start + 1..tail.start).all(|i| {
                doc.is_capitalized(i) || matches!(doc.word(i), "of" | "and" | "&" | "for")
            });
        if right_after_determiner
            || after_preposition
            || named_organisation
            || is_organisation(doc, tail.clone())
        {
            return None;
        }
        let words = name_words(doc, tail.clone());
        // "Dealers said": a group, not the surname of "International Bond Dealers".
        if words.len() == 1 && doc.lex.group_nouns.contains(&words[0]) {
            return None;
        }
        if words.len() == 1
            && doc.lex.function_words.contains(&words[0])
            && !self
                .mentions
                .iter()
                .any(|m| m.name.ends_with(words[0].as_ref()))
        {
            return None;
        }
        Some(self.canonical(&words, pos))
    }
}

/// Whether `np` names an organisation as a whole: a determiner phrase whose
/// head is capitalised or an organisation noun ("the Countryside
/// Alliance", "The company", "The SEC"); not "The deal" or "The
/// investment". A bare capitalised opener is too often something else
/// ("Details were not disclosed", "Should it become …").
fn names_organisation(doc: &Doc, np: Range<usize>) -> bool {
    let Some(head) = np.end.checked_sub(1).filter(|&h| h > np.start) else {
        return false;
    };
    doc.has(np.start, &doc.lex.determiners)
        && (doc.is_capitalized(head) || doc.has(head, &doc.lex.org_heads))
        && !is_plural_noun(doc.word(head))
}

/// The company that "the company" or "the Dutch steel firm" (`np`) refers
/// to. A company is named by capitalised words ending in a company suffix
/// ("Gencorp Inc", "Deere and Co") or by a wire tag ("<Hoogovens Groep
/// BV>"). The nearest of the ten sentences before that opens with a
/// company name gives it (a wire story's lead, "Lifetime Corp said …",
/// names the company its later sentences call "the company"); failing
/// that, the first company named in the nearest of the five sentences
/// before, or in its own words before `np`. `None` when `np` is not "the",
/// at most two modifiers and a company noun, or no company is named: the
/// phrase then stays as written (peer-case convention 6: an unnamed
/// speaker as written).
fn by_company(doc: &Doc, np: Range<usize>) -> Option<String> {
    if !is_the_phrase(doc, &np)
        || !is_company_noun(doc.word(np.end - 1))
        || !doc.is_lowercase(np.end - 1)
        || !(np.start + 1..np.end).all(|i| doc.is_word(i) || doc.is_punct(i, '.'))
        // A central bank is no company named before it.
        || (np.start + 1..np.end).any(|i| doc.word_is(i, "central"))
    {
        return None;
    }
    let sentence = doc.outer_of(np.start);
    let mut nearest = None;
    for s in (sentence.saturating_sub(10)..=sentence).rev() {
        let range = doc.outer[s].clone();
        // A headline names the company in capitals; the story names it too.
        if doc.in_heading(range.start) {
            continue;
        }
        let end = if s == sentence { np.start } else { range.end };
        if let Some((name, opens)) = first_company(doc, range.start..end) {
            if opens && s < sentence {
                return Some(name);
            }
            if nearest.is_none() && s + 5 >= sentence {
                nearest = Some(name);
            }
        }
    }
    nearest
}

/// The first company named in tokens `range`, outside quotes, and whether
/// it opens the range: a wire tag with a lower-case letter in it, or
/// capitalised words ending in a company suffix. A name of suffixes alone
/// ("Co Inc" of "J.P. Morgan and Co Inc" cut short) is not one.
fn first_company(doc: &Doc, range: Range<usize>) -> Option<(String, bool)> {
    let first_word = (range.start..range.end).find(|&i| doc.is_word(i));
    for i in range.clone() {
        if doc.in_quote(i) {
            continue;
        }
        if doc.is_punct(i, '<') {
            let Some(close) = (i + 1..range.end.min(i + 12)).find(|&k| doc.is_punct(k, '>')) else {
                continue;
            };
            let inside = i + 1..close;
            if tag_is_name(doc, inside.clone()) {
                let opens = first_word == Some(i + 1);
                return Some((written(doc, inside), opens));
            }
            continue;
        }
        if i > range.start
            && doc.is_capitalized(i)
            && is_company_suffix(doc.word(i))
            && (doc.is_capitalized(i - 1) || doc.word_is(i - 1, "and"))
            && !doc.has(i - 1, &doc.lex.determiners)
        {
            let mut name = with_company_name(doc, i..i + 1);
            // "Marketing Systems of America Inc", "Deere and Co": "of" and
            // "and" join two parts.
            while name.start >= range.start + 2
                && (doc.word_is(name.start - 1, "of") || doc.word_is(name.start - 1, "and"))
                && doc.is_capitalized(name.start - 2)
            {
                name = with_company_name(doc, name.start - 2..i + 1);
            }
            let name = name.start.max(range.start)..i + 1;
            if !is_company_suffix(doc.word(name.start)) {
                return Some((written(doc, name.clone()), first_word == Some(name.start)));
            }
        }
    }
    None
}

/// Whether the inside of a wire tag (`inside`, between "<" and ">") is a
/// company's name ("Hoogovens Groep BV") rather than a ticker ("CSRA.S"):
/// it has a lower-case letter.
fn tag_is_name(doc: &Doc, inside: Range<usize>) -> bool {
    inside
        .into_iter()
        .any(|i| doc.word(i).chars().any(char::is_lowercase))
}

/// Whether `np` is "the" and two to three more words: the shape of "the
/// minister" and "the Dutch steel firm".
fn is_the_phrase(doc: &Doc, np: &Range<usize>) -> bool {
    (2..=4).contains(&np.len())
        && super::lexicon::with_lowercase(doc.word(np.start), |w| w == "the")
}

/// Whether `word` is a noun that "the …" uses for a company already named.
fn is_company_noun(word: &str) -> bool {
    super::lexicon::with_lowercase(word, |w| {
        matches!(
            w,
            "company"
                | "firm"
                | "concern"
                | "corporation"
                | "conglomerate"
                | "bank"
                | "lender"
                | "insurer"
                | "airline"
                | "carrier"
                | "retailer"
                | "utility"
                | "brewer"
                | "maker"
                | "manufacturer"
                | "producer"
                | "bidder"
        )
    })
}

/// Whether `word` is a company suffix ("Ltd", "Inc", "Corp.", "Plc").
fn is_company_suffix(word: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "ltd",
        "inc",
        "corp",
        "co",
        "cos",
        "plc",
        "llc",
        "lp",
        "ag",
        "nv",
        "bv",
        "sa",
        "spa",
        "gmbh",
        "bhd",
        "pty",
        "limited",
        "incorporated",
    ];
    let word = word.trim_end_matches('.');
    // No suffix holds a "k", the one letter a non-ASCII char lowercases to
    // (the Kelvin sign), so an ASCII case-insensitive match is exact.
    SUFFIXES.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// Whether token `i` is a time word ("today", "yesterday", "Monday") or
/// the first word of a "last week"-style time phrase.
fn is_time_word(doc: &Doc, i: usize) -> bool {
    let w = doc.word(i);
    if super::lexicon::with_lowercase(w, |l| {
        matches!(l, "today" | "yesterday" | "tonight" | "tomorrow")
    }) {
        return true;
    }
    super::lexicon::with_lowercase(w, |l| matches!(l, "last" | "next" | "earlier" | "later"))
        && time_follows(doc, i)
}

/// Whether token `i + 1` is a time noun ("week", "Monday") or a month.
fn time_follows(doc: &Doc, i: usize) -> bool {
    i + 1 < doc.tokens.len()
        && doc.is_word(i + 1)
        && (doc.has(i + 1, &doc.lex.time_nouns) || is_month(doc.word(i + 1)))
}

fn is_month(word: &str) -> bool {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // No month holds a "k" (see `is_company_suffix`).
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// `np` without an adverbial that opens it: a prepositional phrase ("In a
/// statement the RSPCA", "At first he") or a time phrase ("today Reagan",
/// "last July the committee"). The subject is what follows the adverbial's
/// last determiner or pronoun; `None` when nothing but the adverbial is
/// there ("in the past", "on Monday", "today").
fn without_adverbial(doc: &Doc, np: Range<usize>) -> Option<Range<usize>> {
    let first = np.start;
    let w = doc.word(first);
    let next_is_number = first + 1 < np.end
        && doc
            .word(first + 1)
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit());
    // "About 40 economists", "Over 100 doctors": a quantity, not an adverbial.
    let preposition = doc.has(first, &doc.lex.prepositions)
        && !next_is_number
        && !super::lexicon::with_lowercase(w, |l| l == "per");
    let time = is_time_word(doc, first);
    let adverb = doc.is_lowercase(first)
        && (doc.has(first, &doc.lex.adjuncts) || doc.has(first, &doc.lex.pre_verb));
    if !(preposition || time || adverb) {
        return Some(np);
    }
    // The words the adverbial needs at least: "In 1998", "last July", "today".
    let skip = if preposition || (time && first + 1 < np.end && !doc.has(first, &doc.lex.adjuncts))
    {
        first + 2
    } else {
        first + 1
    };
    // A determiner right after a preposition opens that preposition's object
    // ("by telephone in the city"), not the subject.
    let subject = (skip..np.end).rev().find(|&j| {
        doc.is_word(j)
            && (doc.has(j, &doc.lex.determiners) || is_pronoun(doc.word(j)))
            && !doc.has(j - 1, &doc.lex.prepositions)
    });
    match subject {
        Some(j) => Some(j..np.end),
        // "today Reagan", "now Smith": the rest is the subject.
        None if !preposition && skip < np.end => Some(trim_phrase(doc, skip..np.end)),
        // "At the time Lord Woolf", "on balance Odgers": a name after the
        // adverbial's own words; days and months belong to the adverbial.
        None => {
            let mut name = (skip..np.end)
                .rev()
                .take_while(|&j| doc.is_capitalized(j) || doc.is_punct(j, '.'))
                .last()
                .unwrap_or(np.end);
            while name < np.end && (doc.has(name, &doc.lex.not_names) || !doc.is_word(name)) {
                // "for the Sunday Times": after "the", a day opens a name.
                if doc.has(name - 1, &doc.lex.determiners)
                    && name + 1 < np.end
                    && doc.is_capitalized(name + 1)
                {
                    break;
                }
                name += 1;
            }
            let whole_object = name == skip && !doc.is_capitalized(skip - 1);
            (name < np.end && name > first + 1 && !whole_object).then_some(name..np.end)
        }
    }
    .filter(|r| !r.is_empty())
}

/// `np`, extended backwards over the capitalised words of a company name
/// when it ends in a company suffix: "Ltd" → "Industrial Equity (Pacific)
/// Ltd", "Services\nInc" → "Medco Containment Services Inc". Stays inside
/// the paragraph and outside quotes; parenthesised words ("(U.K.)") count.
fn with_company_name(doc: &Doc, np: Range<usize>) -> Range<usize> {
    if !is_company_suffix(doc.word(np.end - 1)) || !doc.is_capitalized(np.start) {
        return np;
    }
    let mut start = np.start;
    while start > 0 && np.end - start < 12 {
        let i = start - 1;
        // A name wraps across lines, never across paragraphs (a headline
        // line, or every line of text that is not hard-wrapped, is one).
        if doc.in_quote(i) || doc.para_of(i) != doc.para_of(start) {
            break;
        }
        if doc.is_punct(i, ')') {
            let open = (i.saturating_sub(6)..i)
                .rev()
                .find(|&k| doc.is_punct(k, '(') || !(doc.is_word(k) || doc.is_punct(k, '.')));
            match open {
                Some(k) if doc.is_punct(k, '(') && k > 0 && doc.is_capitalized(k - 1) => {
                    start = k;
                    continue;
                }
                _ => break,
            }
        }
        let w = doc.word(i);
        let name_word = doc.is_capitalized(i)
            && !doc.has(i, &doc.lex.function_words)
            && !doc.has(i, &doc.lex.determiners)
            && !doc.has(i, &doc.lex.clause_words)
            && strip_possessive(w) == w;
        let joiner = (w == "&" || doc.is_punct(i, '.') && i > 0 && is_initial(doc, i - 1))
            && i > 0
            && doc.is_capitalized(i - 1);
        if !(name_word || joiner) {
            break;
        }
        start = i;
    }
    // Never start on a joiner.
    while start < np.start && !doc.is_capitalized(start) {
        start += 1;
    }
    start..np.end
}

/// Whether a speaker string says nobody: a bare company suffix, or only
/// determiners, prepositions, clause words, adverbs and time words ("the",
/// "In", "today", "At the same time"). "one" ("one said") is an unnamed
/// source as written and stays.
fn is_junk_speaker(doc: &Doc, speaker: &str) -> bool {
    let words = || {
        speaker
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
    };
    let lex = doc.lex;
    let mut first_two = words();
    match (first_two.next(), first_two.next()) {
        (None, _) => true,
        (Some(one), None) if is_company_suffix(one) => true,
        (Some(one), None) if one.eq_ignore_ascii_case("one") => false,
        _ => words().all(|w| {
            let listed = lex.determiners.bit()
                | lex.prepositions.bit()
                | lex.clause_words.bit()
                | lex.pre_verb.bit()
                | lex.adjuncts.bit()
                | lex.time_nouns.bit();
            lex.lookup(w).0 & listed != 0
                || is_month(w)
                // "aged between 18 and 34 said": a number is nobody.
                || w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                || super::lexicon::with_lowercase(w, |l| {
                    matches!(
                        l,
                        "today"
                            | "yesterday"
                            | "tomorrow"
                            | "last"
                            | "next"
                            | "same"
                            | "time"
                            | "and"
                            | "but"
                            | "or"
                            | "not"
                            | "no"
                            | "only"
                            | "even"
                            | "there"
                            | "here"
                            | "what"
                            | "however"
                            | "despite"
                            | "meanwhile"
                            | "first"
                            | "one"
                    )
                })
        }),
    }
}

/// Whether `word` is a personal pronoun that can be a speaker.
pub(crate) fn is_pronoun(word: &str) -> bool {
    super::lexicon::with_lowercase(word, |w| {
        matches!(w, "he" | "she" | "they" | "it" | "we" | "i" | "you")
    })
}

/// Whether `word` is "it" (`Some(false)`) or "they" (`Some(true)`, plural)
/// in any case: the pronouns that speak for a group.
fn group_pronoun(word: &str) -> Option<bool> {
    super::lexicon::with_lowercase(word, |w| match w {
        "it" => Some(false),
        "they" => Some(true),
        _ => None,
    })
}

/// Whether a noun reads as plural: it ends in "s" but not "ss", "'s" or
/// "us" ("analysts", "The Tories", "MPs"; not "press", "Reuters'", "bonus").
fn is_plural_noun(word: &str) -> bool {
    let w = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    w.len() > 2
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("'s")
        && !w.ends_with("’s")
        && word == w
}

/// `np` as written, whitespace folded.
fn written(doc: &Doc, np: Range<usize>) -> String {
    super::fold_breaks(&doc.text[doc.span(np)])
}

/// `np` without punctuation at either end.
fn trim_phrase(doc: &Doc, mut np: Range<usize>) -> Range<usize> {
    while np.start < np.end && !doc.is_word(np.start) {
        np.start += 1;
    }
    while np.end > np.start && !doc.is_word(np.end - 1) {
        np.end -= 1;
    }
    np
}

/// "… goes by the name “Shorty”", "… named Ivan": the name given.
fn named_as(doc: &Doc, np: Range<usize>) -> Option<String> {
    let hi = (np.end + 8).min(doc.tokens.len());
    let at = (np.start..hi).find(|&i| matches!(doc.word(i), "name" | "named" | "nicknamed"))?;
    let mut i = at + 1;
    while i < hi && !doc.is_word(i) && !doc.in_quote(i) {
        i += 1;
    }
    if i >= hi {
        return None;
    }
    if let Some(q) = doc.quote_index(i) {
        let quote = &doc.quotes[q];
        let inner = &doc.text[quote.text_start()..quote.text_end()];
        let name = inner.trim_end_matches(['.', ',', '!', '?']).trim();
        return (!name.is_empty() && name.split_whitespace().count() <= 3)
            .then(|| name.to_string());
    }
    doc.is_capitalized(i).then(|| doc.word(i).to_string())
}

/// Whether a name-like run is an organisation or place rather than a person.
fn is_organisation(doc: &Doc, name: Range<usize>) -> bool {
    (name.start..name.end).any(|i| doc.is_word(i) && doc.has_stem(i, &doc.lex.not_names))
        || (name.end > name.start && doc.has_stem(name.end - 1, &doc.lex.org_heads))
        // "Party Co-Chairman", "Party Conference": no two-word name opens
        // with one.
        || (name.len() == 2 && doc.has_stem(name.start, &doc.lex.org_heads))
}

/// The trailing run of name words in `np`: capitalised words, initials and
/// name particles, stopping at titles, places and lowercase words.
fn name_tail(doc: &Doc, np: Range<usize>) -> Option<Range<usize>> {
    let mut start = np.end;
    while start > np.start {
        let i = start - 1;
        let w = doc.word(i);
        let ok = if doc.is_punct(i, '.') {
            i > np.start && is_initial(doc, i - 1)
        } else if doc.is_capitalized(i) {
            !doc.has_stem(i, &doc.lex.titles)
                && !doc.has_stem(i, &doc.lex.not_names)
                && !w.chars().any(|c| c.is_ascii_digit())
        } else {
            doc.has(i, &doc.lex.name_particles) && start < np.end
        };
        if !ok {
            break;
        }
        start = i;
    }
    // The last word may be an organisation head, which the caller rejects.
    if start == np.end && np.end > np.start && doc.is_capitalized(np.end - 1) {
        let last = np.end - 1;
        if doc.has_stem(last, &doc.lex.org_heads) || doc.has_stem(last, &doc.lex.not_names) {
            return Some(np.end - 1..np.end);
        }
    }
    (start < np.end).then_some(start..np.end)
}

fn is_initial(doc: &Doc, i: usize) -> bool {
    let w = doc.word(i);
    doc.is_word(i) && w.chars().count() == 1 && w.chars().all(char::is_uppercase)
}

/// `word` without a possessive "’s"/"'s" or a bare final apostrophe.
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

/// The words of a name range: initials keep their dot, possessives are dropped.
fn name_words<'a>(doc: &Doc<'a>, name: Range<usize>) -> Vec<Cow<'a, str>> {
    let mut words: Vec<Cow<'a, str>> = Vec::with_capacity(name.len());
    let base = doc.text.as_ptr() as usize;
    for i in name {
        if doc.is_punct(i, '.') {
            if let Some(last) = words.last_mut() {
                let dot = doc.tokens[i];
                match last {
                    // The dot right after the word: still a slice of the text.
                    Cow::Borrowed(w) if w.as_ptr() as usize - base + w.len() == dot.start => {
                        let start = w.as_ptr() as usize - base;
                        *last = Cow::Borrowed(&doc.text[start..dot.end]);
                    }
                    _ => last.to_mut().push('.'),
                }
            }
        } else if doc.is_word(i) {
            words.push(Cow::Borrowed(strip_possessive(doc.word(i))));
        }
    }
    words
}

/// `words` joined with single spaces: a slice of `text` when they lie there
/// one space apart.
fn joined<'a>(text: &'a str, words: &[Cow<'a, str>]) -> Cow<'a, str> {
    match words {
        [] => Cow::Borrowed(""),
        [one] => one.clone(),
        [Cow::Borrowed(first), ..] => {
            let base = text.as_ptr() as usize;
            let start = first.as_ptr() as usize - base;
            let mut end = start + first.len();
            for w in &words[1..] {
                match w {
                    Cow::Borrowed(w)
                        if w.as_ptr() as usize - base == end + 1
                            && text.as_bytes()[end] == b' ' =>
                    {
                        end += 1 + w.len();
                    }
                    _ => return Cow::Owned(words.join(" ")),
                }
            }
            Cow::Borrowed(&text[start..end])
        }
        _ => Cow::Owned(words.join(" ")),
    }
}

/// Whether a reporting verb follows token `end` (adverbs and auxiliaries allowed between).
fn followed_by_cue(doc: &Doc, end: usize) -> bool {
    let mut i = end;
    while i < doc.tokens.len() && i < end + 3 {
        if doc.cue(i).is_some() {
            return true;
        }
        if !doc.has(i, &doc.lex.pre_verb) {
            return false;
        }
        i += 1;
    }
    false
}

/// Every run of capitalised words outside quotes, split at possessives and
/// stripped of leading function words and titles.
fn candidates(doc: &Doc) -> Vec<Candidate> {
    let n = doc.tokens.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if doc.in_quote(i) || !doc.is_capitalized(i) {
            i += 1;
            continue;
        }
        // Collect the run.
        let run_start = i;
        let mut j = i;
        while j < n && !doc.in_quote(j) {
            // A name never runs from a headline into the story.
            if doc.is_word(j) && doc.para_of(j) != doc.para_of(run_start) {
                break;
            }
            let w = doc.word(j);
            let take = if doc.is_capitalized(j) {
                true
            } else if doc.is_punct(j, '.') {
                j > run_start && is_initial(doc, j - 1) && j + 1 < n && doc.is_capitalized(j + 1)
            } else {
                doc.is_lowercase(j)
                    && doc.has(j, &doc.lex.name_particles)
                    && j + 1 < n
                    && doc.is_capitalized(j + 1)
            };
            if !take {
                break;
            }
            j += 1;
            // A possessive ends a part: "Ukraine’s President …".
            if w != strip_possessive(w) {
                break;
            }
        }
        split_run(doc, run_start..j, &mut out);
        i = j.max(i + 1);
    }
    out
}

/// Whether a run of capitalised tokens is a headline ("U.S. SEES NO NEW
/// TALKS"): it lies in a paragraph all in capitals
/// ([`super::sentences::is_heading`]) and has two words of letters, one of
/// four or more. Capitals inside a sentence in lower case ("ARIEL SHARON,
/// the Israeli Prime Minister, said") and acronyms alone ("NATO") are not.
fn is_headline_run(doc: &Doc, run: Range<usize>) -> bool {
    if !run
        .clone()
        .find(|&i| doc.is_word(i))
        .is_some_and(|i| doc.in_heading(i))
    {
        return false;
    }
    let letters = |i: usize| doc.word(i).chars().filter(|c| c.is_alphabetic()).count();
    let words = run.filter(|&i| doc.is_word(i) && letters(i) >= 2);
    let (count, long) = words.fold((0, false), |(n, long), i| (n + 1, long || letters(i) >= 4));
    count >= 2 && long
}

/// Turns one run into a candidate name.
fn split_run(doc: &Doc, run: Range<usize>, out: &mut Vec<Candidate>) {
    let before = run.start.checked_sub(1);
    let sentence_initial = before.is_none_or(|b| doc.outer_of(b) != doc.outer_of(run.start));
    let mut start = run.start;
    let mut after_determiner =
        before.is_some_and(|b| doc.is_lowercase(b) && doc.has(b, &doc.lex.determiners));
    let oblique = before.is_some_and(|b| doc.is_lowercase(b) && doc.has(b, &doc.lex.prepositions));
    // An all-capital run ("INDIA REDUCES EXPORT DUTY") is a headline, not
    // a name.
    if is_headline_run(doc, run.clone()) {
        return;
    }
    // Leading function words ("The", "Both", "Still") and group nouns
    // ("Analysts") are not part of a name.
    while start < run.end
        && (doc.has(start, &doc.lex.function_words) || doc.has(start, &doc.lex.group_nouns))
    {
        after_determiner |= doc.has(start, &doc.lex.determiners);
        start += 1;
    }
    let _ = sentence_initial;
    let Some(mut tail) = name_tail(doc, start..run.end) else {
        return;
    };
    let titled = tail.start > start;
    let roles = Roles {
        run: start..tail.start,
        // "foreign minister Andrii Sybiha", "policy chief Kaja Kallas".
        before: before.filter(|&b| doc.is_lowercase(b) && doc.has(b, &doc.lex.titles)),
    };
    // "U.S. In 1962", "Of Utilicorp's": a capitalised function word or
    // preposition is not part of a name.
    let mut oblique = oblique;
    while tail.start < tail.end
        && (doc.has(tail.start, &doc.lex.function_words)
            || doc.has(tail.start, &doc.lex.prepositions)
            || doc.has(tail.start, &doc.lex.determiners))
    {
        oblique |= doc.has(tail.start, &doc.lex.prepositions);
        after_determiner |= doc.has(tail.start, &doc.lex.determiners);
        tail.start += 1;
    }
    if !(tail.start..tail.end).any(|i| doc.is_word(i)) {
        return;
    }
    let org = is_organisation(doc, tail.clone());
    // Up to three lower-case title or organisation words, one a title,
    // then a capitalised word: "Lib Dem leader Charles Kennedy", "Labour
    // party chairman Alan Milburn".
    let n_after = (run.end..doc.tokens.len())
        .take_while(|&i| {
            doc.is_lowercase(i) && (doc.has(i, &doc.lex.titles) || doc.has(i, &doc.lex.org_heads))
        })
        .take(4)
        .count();
    let head = run.end + n_after;
    let modifier = (1..=3).contains(&n_after)
        && (run.end..head).any(|i| doc.has(i, &doc.lex.titles))
        && head < doc.tokens.len()
        && doc.is_capitalized(head)
        && doc.para_of(head) == doc.para_of(run.start);
    out.push(Candidate {
        name: tail,
        titled,
        modifier,
        not_person: org || (after_determiner && !titled),
        // "of Secretary of State Marco Rubio" is oblique, "of State Marco Rubio" not.
        oblique: oblique && !titled,
        roles,
    });
}

/// Sentence-initial unnamed subjects: "The stranger was eating …".
fn nominal_subjects(doc: &Doc) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for s in &doc.outer {
        let i = s.start;
        if s.len() < 3 || doc.in_quote(i) || !matches!(doc.word(i), "The" | "A" | "An") {
            continue;
        }
        let mut j = i + 1;
        while j < s.end
            && j < i + 4
            && doc.is_lowercase(j)
            && !doc.has(j, &doc.lex.auxiliaries)
            && doc.cue(j).is_none()
        {
            j += 1;
        }
        if j > i + 1 && j < s.end && (doc.has(j, &doc.lex.auxiliaries) || doc.cue(j).is_some()) {
            let text = doc.text[doc.span(i..j)].to_string();
            let mut chars = text.chars();
            let lowered = chars
                .next()
                .map(|c| c.to_lowercase().collect::<String>() + chars.as_str());
            out.push((doc.tokens[i].start, lowered.unwrap_or(text)));
        }
    }
    out
}

/// The noun phrase that ends right before the reporting verb at `cue`: the
/// verb's subject. Skips auxiliaries and adverbs ("has also said"), stops at
/// punctuation, clause words, verbs and quotes, and looks through an
/// appositive or relative clause set off by commas ("Hugh Hill, a doctor,
/// said"; "Jen, who was there, said"). `None` when the verb has no subject
/// there, or the word is not a verb ("the said company", "is said to").
pub(crate) fn subject_before(doc: &Doc, cue: usize, lo: usize) -> Option<Range<usize>> {
    let mut end = cue;
    while end > lo && doc.is_word(end - 1) && !doc.in_quote(end - 1) {
        let w = doc.word(end - 1);
        let adverb = w.len() > 4 && w.ends_with("ly") && doc.is_lowercase(end - 1);
        // "Reagan today announced": a time word is not the subject.
        let time = doc.is_lowercase(end - 1) && doc.has(end - 1, &doc.lex.adjuncts);
        if doc.has(end - 1, &doc.lex.pre_verb) || adverb || time {
            end -= 1;
        } else if end >= lo + 3 && is_time_phrase(doc, end - 2) && ends_name(doc, end - 3) {
            // "Pretoria last week announced", "Smith on Monday said"; not
            // "which last month called" or "a survey released on Friday said".
            end -= 2;
        } else if end >= lo + 2
            && doc.is_capitalized(end - 1)
            && doc.has(end - 1, &doc.lex.time_nouns)
            && ends_name(doc, end - 2)
        {
            // "IBM Corp. Thursday said".
            end -= 1;
        } else {
            break;
        }
    }
    if end > lo && doc.is_word(end - 1) {
        let w = doc.word(end - 1);
        // "the said company", "is said to", "all told".
        let passive_or_idiom = super::lexicon::with_lowercase(w, |l| {
            matches!(
                l,
                "is" | "was" | "were" | "are" | "be" | "been" | "being" | "all"
            )
        });
        if doc.lex.determiners.contains(w) || passive_or_idiom {
            return None;
        }
    }
    let mut start = np_start(doc, end, lo);
    // A sentence adverb is not part of the subject: "Then the Kremlin said".
    while start + 1 < end && doc.is_capitalized(start) && is_sentence_adverb(doc, doc.word(start)) {
        start += 1;
    }
    if start < end {
        if let Some(name) = name_before_open_appositive(doc, cue, start..end, lo) {
            return Some(name);
        }
        return (!reads_as_noun(doc, cue, start..end)).then_some(start..end);
    }
    // The verb follows a comma: an appositive ("…, Andrii Sybiha, said") or a
    // phrase about the subject ("Hugh Hill, a doctor, said"; "Jen, who was
    // there, said") ends there.
    if end <= lo || !doc.is_punct(end - 1, ',') {
        return None;
    }
    let seg_end = end - 1;
    let prev_comma = (lo..seg_end).rev().find(|&k| {
        !doc.is_word(k)
                && !doc.is_punct(k, '.')
                && !doc.is_punct(k, '-')
                // "Indosuez Asia (Singapore) Ltd": brackets stay in the phrase.
                && !doc.is_punct(k, '(')
                && !doc.is_punct(k, ')')
    });
    let seg_start = prev_comma.map_or(lo, |k| k + 1);
    if seg_start >= seg_end {
        return None;
    }
    let first = doc.word(seg_start);
    let names_itself = doc.is_capitalized(seg_start) && !doc.lex.function_words.contains(first);
    if names_itself {
        let np_from = np_start(doc, seg_end, seg_start);
        return (np_from == seg_start).then_some(seg_start..seg_end);
    }
    // Describes the subject: the subject is before the first comma.
    let k = prev_comma.filter(|&k| doc.is_punct(k, ','))?;
    let name_start = np_start(doc, k, lo);
    (name_start < k).then_some(name_start..k)
}

/// The name before an appositive whose closing comma is missing: "Mark
/// Serwotka, from the PCS union said …", "Anna Berg, head of the union said
/// …" (`desc` is the description before the verb at `cue`). Only when the
/// sentence opens with the name, all in capitals, and the description is
/// in lower case ("the Kremlin" is a speaker of its own: "Putin, the
/// Kremlin said, …"), and the verb is followed by what it reports.
fn name_before_open_appositive(
    doc: &Doc,
    cue: usize,
    desc: Range<usize>,
    lo: usize,
) -> Option<Range<usize>> {
    let comma = desc.start.checked_sub(1)?;
    if comma <= lo
        || !doc.is_punct(comma, ',')
        || cue + 1 >= doc.tokens.len()
        || !doc.is_word(cue + 1)
    {
        return None;
    }
    let described = doc.is_lowercase(desc.start)
        && !(doc.has(desc.start, &doc.lex.determiners)
            && desc.start + 1 < desc.end
            && doc.is_capitalized(desc.start + 1));
    let first = doc.word(lo);
    // Two to five capitalised words: a one-word opener is as often an
    // adverb ("Overall, the company said").
    let opens_with_name = (lo..comma).all(|i| {
        doc.is_capitalized(i) && !doc.has(i, &doc.lex.not_names) && !doc.has(i, &doc.lex.time_nouns)
            || doc.is_punct(i, '.')
    }) && (2..=5).contains(&(lo..comma).filter(|&i| doc.is_word(i)).count())
        && !doc.has(lo, &doc.lex.function_words)
        && !doc.has(lo, &doc.lex.prepositions)
        && !is_sentence_adverb(doc, first)
        && !first.ends_with("ly");
    (described && opens_with_name).then_some(lo..comma)
}

/// Whether token `i` can end a subject that a time phrase follows: a word
/// that does not stop a noun phrase, or the period of "Inc.".
fn ends_name(doc: &Doc, i: usize) -> bool {
    if doc.is_punct(i, '.') {
        return i > 0 && is_company_suffix(doc.word(i - 1));
    }
    doc.is_word(i) && !(doc.is_lowercase(i) && stops_noun_phrase(doc, i))
}

/// Whether tokens `i` and `i + 1` are a two-word time phrase: "last
/// week", "earlier this month" (its last two words), "on Monday", "this
/// morning", "in March".
fn is_time_phrase(doc: &Doc, i: usize) -> bool {
    doc.is_lowercase(i)
        && matches!(
            doc.word(i),
            "on" | "this" | "in" | "last" | "next" | "earlier" | "later"
        )
        && time_follows(doc, i)
}

/// `np`'s start past a wire headline run into the lead: two or more
/// all-capital words, at least one of four letters or more and six letters
/// in all, followed by a word in ordinary case ("UNIT STRIKE ENDS Textron
/// Inc unit Bell Helicopter" → "Textron Inc unit Bell Helicopter"). Short
/// capital words just before that word stay, as part of the name ("PAYOUT
/// DYR Liquidating Corp" → "DYR Liquidating Corp"), and so do one capital
/// word ("NATO Secretary General") and short ones ("A US State Department
/// spokesman").
fn after_headline(doc: &Doc, np: Range<usize>) -> usize {
    let letters = |i: usize| doc.word(i).chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = |i: usize| {
        let w = doc.word(i);
        doc.is_word(i) && letters(i) > 0 && !w.chars().any(char::is_lowercase)
    };
    let mut next = (np.start..np.end)
        .take_while(|&i| all_caps(i))
        .last()
        .map_or(np.start, |i| i + 1);
    if next >= np.end || !doc.is_capitalized(next) {
        return np.start;
    }
    while next > np.start && letters(next - 1) <= 3 {
        next -= 1;
    }
    let run = np.start..next;
    let headline = run.len() >= 2
        && run.clone().any(|i| letters(i) >= 4)
        && run.map(letters).sum::<usize>() >= 6;
    if headline {
        next
    } else {
        np.start
    }
}

/// Words that open a sentence as adverbs ("Then", "Later", "Meanwhile").
fn is_sentence_adverb(doc: &Doc, w: &str) -> bool {
    doc.lex.pre_verb.contains(w)
        || doc.lex.adjuncts.contains(w)
        || super::lexicon::with_lowercase(w, |l| {
            matches!(
                l,
                "meanwhile"
                    | "however"
                    | "additionally"
                    | "finally"
                    | "instead"
                    | "moreover"
                    | "furthermore"
                    | "separately"
            )
        })
}

/// Whether a reporting word in "-s" is a plural noun after its modifiers
/// ("some core Russian demands", "repeated claims"), not a verb.
fn reads_as_noun(doc: &Doc, cue: usize, np: Range<usize>) -> bool {
    let w = doc.word(cue);
    if !w.ends_with('s') || w.ends_with("ss") {
        return false;
    }
    let first = doc.word(np.start);
    let last = doc.word(np.end - 1);
    let modifier_first = doc.is_lowercase(np.start)
        && matches!(
            first,
            "some"
                | "many"
                | "several"
                | "these"
                | "those"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "my"
                | "your"
                | "such"
                | "new"
                | "other"
                | "any"
                | "no"
                | "repeated"
                | "recent"
        );
    let adjective_last = doc.lex.not_names.contains(last)
        && (last.ends_with("an")
            || last.ends_with("ish")
            || last.ends_with("ese")
            || last.ends_with("ic"));
    modifier_first || adjective_last
}

/// Where a noun phrase that ends at token `end` starts, scanning back no
/// further than `lo`.
fn np_start(doc: &Doc, end: usize, lo: usize) -> usize {
    let mut start = end;
    // Where the phrase started before the first bracketed aside was taken in.
    let mut before_bracket = None;
    while start > lo {
        let i = start - 1;
        if doc.in_quote(i) {
            break;
        }
        if !doc.is_word(i) {
            // "C." of "Heather C. Briccetti"; "Inc." of "Goldcorp Inc. said"
            // or "Samsung Co. Ltd said", but not "… AFG Inc. The company said".
            let company_period = i + 1 == end || is_company_suffix(doc.word(i + 1));
            if doc.is_punct(i, '.')
                && i > lo
                && (is_initial(doc, i - 1) || company_period && is_company_suffix(doc.word(i - 1)))
            {
                start = i;
                continue;
            }
            // "a survey of 1,300 bosses": a comma inside a number.
            if doc.is_punct(i, ',')
                && i > lo
                && doc.word(i - 1).bytes().all(|b| b.is_ascii_digit())
                && doc.word(i + 1).bytes().all(|b| b.is_ascii_digit())
                && doc.word(i + 1).len() == 3
            {
                start = i;
                continue;
            }
            // "Standard & Poor's": an ampersand between names joins them.
            if doc.word(i) == "&"
                && i > lo
                && doc.is_capitalized(i - 1)
                && doc.is_capitalized(i + 1)
            {
                start = i;
                continue;
            }
            // "Bill Bradley (Democrat) of New Jersey": a bracketed aside
            // after a name stays in the phrase.
            if let Some(open) = bracket_after_name(doc, i, lo) {
                before_bracket.get_or_insert(start);
                start = open;
                continue;
            }
            break;
        }
        let w = doc.word(i);
        // "But he said", "And Yelling says": a capitalised clause word still ends the phrase.
        if doc.is_capitalized(i)
            && (doc.has(i, &doc.lex.clause_words)
                || super::lexicon::with_lowercase(w, |l| {
                    matches!(l, "and" | "but" | "or" | "so" | "yet")
                }))
        {
            break;
        }
        if w == "and" || w == "&" {
            let names_around = i > lo && doc.is_capitalized(i - 1) && doc.is_capitalized(i + 1);
            if !names_around {
                break;
            }
        } else if doc.is_lowercase(i) && stops_noun_phrase(doc, i) {
            break;
        }
        if doc.cue(i).is_some() && doc.is_lowercase(i) {
            break;
        }
        start = i;
        if end - start > 12 {
            // Too long for a subject; without the brackets it may not be.
            return before_bracket.filter(|&b| b < end).unwrap_or(end);
        }
    }
    start
}

/// When token `close` is ")" of a short bracketed aside of words that
/// follows a capitalised word ("(Pacific)", "(U.K.)"), or ">" of a wire
/// service's company tag ("Broken Hill Pty Co Ltd <BRKN.S>", "of <A.C.
/// Goode and Co>"), the index of its "(" or "<".
fn bracket_after_name(doc: &Doc, close: usize, lo: usize) -> Option<usize> {
    let (open_mark, reach) = if doc.is_punct(close, ')') {
        ('(', 6)
    } else if doc.is_punct(close, '>') {
        ('<', 12)
    } else {
        return None;
    };
    let open = (close.saturating_sub(reach).max(lo)..close)
        .rev()
        .find(|&k| {
            !(doc.is_word(k) || doc.is_punct(k, '.') || doc.is_punct(k, '-') || doc.word(k) == "&")
        })?;
    (doc.is_punct(open, open_mark)
        && open > lo
        && open + 1 < close
        && (open_mark == '<' || doc.is_capitalized(open - 1)))
    .then_some(open)
}

/// Lowercase words that cannot sit inside a subject noun phrase.
fn stops_noun_phrase(doc: &Doc, i: usize) -> bool {
    let w = doc.word(i);
    doc.has(i, &doc.lex.clause_words)
        || doc.has(i, &doc.lex.auxiliaries)
        || (w.len() > 4
            && w.ends_with("ed")
            && !doc.has(i, &doc.lex.ed_adjectives)
            && !w.contains('-'))
        || matches!(w, "then" | "also" | "not" | "to" | "said" | "says")
}

/// The noun phrase that starts at token `from` (after an inverted verb:
/// "said Kremlin spokesman Dmitry Peskov", or after "according to"). Ends at
/// punctuation (a comma, a period that is not an initial's), a clause word,
/// a preposition other than "of", an adverb in "-ly", a quote, or `hi`.
pub(crate) fn phrase_after(doc: &Doc, from: usize, hi: usize) -> Option<Range<usize>> {
    let mut end = from;
    while end < hi && end < from + 12 {
        if doc.in_quote(end) {
            break;
        }
        if !doc.is_word(end) {
            if doc.is_punct(end, '.')
                && end > from
                && is_initial(doc, end - 1)
                && end + 1 < hi
                && doc.is_capitalized(end + 1)
            {
                end += 1;
                continue;
            }
            break;
        }
        let w = doc.word(end);
        if doc.is_lowercase(end) {
            let adverb = w.len() > 4 && w.ends_with("ly");
            let preposition = doc.has(end, &doc.lex.prepositions) && w != "of";
            if preposition
                || adverb
                || stops_noun_phrase(doc, end)
                || (w == "and"
                    && !(end > from
                        && doc.is_capitalized(end - 1)
                        && end + 1 < hi
                        && doc.is_capitalized(end + 1)))
            {
                break;
            }
        }
        end += 1;
    }
    (end > from).then_some(from..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::Lexicon;

    /// The speaker of the reporting verb `verb` in `text` (subject before it,
    /// or the phrase after it when inverted).
    fn speaker_of(text: &str, verb: &str) -> Option<String> {
        let lex = Lexicon::new();
        let doc = Doc::new(text, &lex);
        let names = NameBook::read(&doc);
        let cue = (0..doc.tokens.len())
            .rev()
            .find(|&i| doc.word(i) == verb)
            .expect("verb in text");
        let sentence = doc.outer[doc.outer_of(cue)].clone();
        let np = subject_before(&doc, cue, sentence.start)
            .or_else(|| phrase_after(&doc, cue + 1, sentence.end))?;
        names.speaker(&doc, np)
    }

    #[test]
    fn titles_and_roles_are_stripped() {
        assert_eq!(
            speaker_of("U.S. secretary of state Marco Rubio said it.", "said").as_deref(),
            Some("Marco Rubio")
        );
        assert_eq!(
            speaker_of("Kremlin spokesman Dmitry Peskov said so.", "said").as_deref(),
            Some("Dmitry Peskov")
        );
        assert_eq!(
            speaker_of(
                "It was fine, said Officer Tusk of the Walrus Police Department.",
                "said"
            )
            .as_deref(),
            Some("Tusk")
        );
        assert_eq!(
            speaker_of(
                "Tatiana Stanovaya of the Carnegie Russia and Eurasia Center wrote on X.",
                "wrote"
            )
            .as_deref(),
            Some("Tatiana Stanovaya")
        );
        assert_eq!(
            speaker_of("Hugh Hill, a doctor, said so.", "said").as_deref(),
            Some("Hugh Hill")
        );
        assert_eq!(
            speaker_of(
                "Ukraine’s foreign minister, Andrii Sybiha, said so.",
                "said"
            )
            .as_deref(),
            Some("Andrii Sybiha")
        );
    }

    #[test]
    fn organisations_and_unnamed_sources_stay_as_written() {
        assert_eq!(
            speaker_of("Then the Russian Defence Ministry said so.", "said").as_deref(),
            Some("the Russian Defence Ministry")
        );
        assert_eq!(
            speaker_of(
                "It is over, said a senior US official, who asked not to be named.",
                "said"
            )
            .as_deref(),
            Some("a senior US official")
        );
        assert_eq!(
            speaker_of("Later the Kremlin said so.", "said").as_deref(),
            Some("the Kremlin")
        );
        assert_eq!(
            speaker_of("Richmond police said so.", "said").as_deref(),
            Some("Richmond police")
        );
    }

    #[test]
    fn time_phrases_after_the_subject_are_left_out() {
        for (text, speaker) in [
            ("Pretoria last week announced it had a deal.", "Pretoria"),
            (
                "The prime minister on Sunday said talks would resume.",
                "The prime minister",
            ),
            ("Reagan earlier this month said no.", "Reagan"),
            (
                "Goldcorp Inc. on Friday said its board would review it.",
                "Goldcorp Inc",
            ),
            (
                "International Business Machines Corp. Thursday said it agreed.",
                "International Business Machines Corp",
            ),
        ] {
            let verb = if text.contains("announced") {
                "announced"
            } else {
                "said"
            };
            assert_eq!(speaker_of(text, verb).as_deref(), Some(speaker), "{text}");
        }
        // After a relative pronoun or a participle the time phrase is not
        // skipped, so no speaker is made up from what precedes it.
        let text = "UMOA, which last month called for talks, was calm.";
        assert_eq!(speaker_of(text, "called"), None);
        let text = "A survey released on Friday said growth slowed.";
        assert_eq!(speaker_of(text, "said"), None);
    }

    #[test]
    fn a_company_period_stays_in_the_name_but_ends_a_sentence_before_it() {
        assert_eq!(
            speaker_of("Microsoft Corp. said it will pay.", "said").as_deref(),
            Some("Microsoft Corp")
        );
        assert_eq!(
            speaker_of("Samsung Electronics Co. Ltd said it signed.", "said").as_deref(),
            Some("Samsung Electronics Co. Ltd")
        );
        assert_eq!(
            speaker_of(
                "The buyers include AFG Industries Inc. Its spokesman said so.",
                "said"
            )
            .as_deref(),
            Some("Its spokesman")
        );
    }

    #[test]
    fn a_wire_headline_run_into_the_lead_is_not_the_speaker() {
        let text = "TEXTRON <TXT> UNIT STRIKE ENDS Textron Inc unit Bell Helicopter Textron Inc said it agreed.";
        assert_eq!(
            speaker_of(text, "said").as_deref(),
            Some("Textron Inc unit Bell Helicopter Textron Inc")
        );
        // Short capital words before the name are part of it; one capital
        // word and short ones are kept.
        let text = "SETS LIQUIDATING PAYOUT DYR Liquidating Corp said it paid.";
        assert_eq!(
            speaker_of(text, "said").as_deref(),
            Some("DYR Liquidating Corp")
        );
        let text = "NATO Secretary General Jens Stoltenberg said no.";
        assert_eq!(
            speaker_of(text, "said").as_deref(),
            Some("Jens Stoltenberg")
        );
        let text = "A US State Department spokesman said no.";
        assert_eq!(
            speaker_of(text, "said").as_deref(),
            Some("A US State Department spokesman")
        );
    }

    #[test]
    fn surnames_map_to_the_fullest_name_seen() {
        let text = "Heather C. Briccetti spoke first. Later Briccetti said so.";
        assert_eq!(
            speaker_of(text, "said").as_deref(),
            Some("Heather C. Briccetti")
        );
        let text = "U.S. President Donald Trump's plan was new. Trump said so.";
        assert_eq!(speaker_of(text, "said").as_deref(), Some("Donald Trump"));
    }

    #[test]
    fn pronouns_resolve_to_the_most_recent_named_person() {
        let text = "Steve Witkoff met Vladimir Putin in Moscow. Kremlin aide Yuri Ushakov briefed reporters. Then he said so.";
        assert_eq!(speaker_of(text, "said").as_deref(), Some("Yuri Ushakov"));
        // The subject of the nearest sentence wins over its object.
        let text = "Volodymyr Zelenskyy thanked Donald Trump for his efforts. He also said so.";
        assert_eq!(
            speaker_of(text, "said").as_deref(),
            Some("Volodymyr Zelenskyy")
        );
        // Gender agreement skips male names for "she".
        let text = "EU chief Kaja Kallas met Sergei Lavrov’s deputy, Sergei Ryabkov, in Geneva. Then she said so.";
        assert_eq!(speaker_of(text, "said").as_deref(), Some("Kaja Kallas"));
        // No antecedent: unknown.
        assert_eq!(speaker_of("He said so.", "said"), None);
    }

    #[test]
    fn non_speech_uses_have_no_subject() {
        let lex = Lexicon::new();
        let text = "The said company grew. All told, it was fine.";
        let doc = Doc::new(text, &lex);
        let said = (0..doc.tokens.len())
            .find(|&i| doc.word(i) == "said")
            .unwrap();
        assert_eq!(subject_before(&doc, said, 0), None);
        let told = (0..doc.tokens.len())
            .find(|&i| doc.word(i) == "told")
            .unwrap();
        assert_eq!(subject_before(&doc, told, doc.outer[1].start), None);
    }

    #[test]
    fn it_and_they_speak_for_the_group_that_spoke_before() {
        assert_said_by(&[
            (
                "Gencorp Inc said it would fight the bid. It said the offer was too low.",
                Some("Gencorp Inc"),
            ),
            // After what it reports, and through a chain of "It said".
            (
                "The ministry said prices would rise. It said nothing of wages. The cut was final, it said.",
                Some("The ministry"),
            ),
            // Not a person.
            ("John Smith said the bid was low. It said the offer was final.", None),
            // The sentence before has no reporting verb but opens with an
            // organisation; past a subject that is none.
            (
                "The company also unveiled price cuts. It said sales rose.",
                Some("The company"),
            ),
            ("The deal was signed on Monday. It said the terms were fair.", None),
            (
                "Gencorp Inc said it would fight. The offer was too low. It said the bid was hostile.",
                Some("Gencorp Inc"),
            ),
            // An inverted report before.
            (
                "\"Nobody can replace him,\" said the radio station. It said the show goes on.",
                Some("the radio station"),
            ),
            // A lone capitalised word with no given name is a company to "it".
            ("Southcorp said the offer was low. It said the bid was hostile.", Some("Southcorp")),
            ("Creditors said the club needs cash. It said the bid was hostile.", None),
            (
                "John Smith spoke first. Smith said the offer was low. It said the bid was hostile.",
                None,
            ),
            // A bare plural is no antecedent for "it" ...
            ("Analysts said the bid was low. It said the offer was final.", None),
            // ... but is for "they", past a singular subject in between.
            (
                "Trade sources said the bid was low. The company said it would reply. They said the offer was final.",
                Some("Trade sources"),
            ),
            ("Jane Smith said the bid was low. They said the offer was final.", None),
            // A group noun opening its sentence is no surname.
            (
                "Analysts said the bid was low. They said the offer would fail.",
                Some("Analysts"),
            ),
            (
                "Supporters of President Laurent Gbagbo said the ban was unfair.",
                Some("Supporters of President Laurent Gbagbo"),
            ),
            (
                "Police Federation chairman Jan Berry said the plan was flawed.",
                Some("Jan Berry"),
            ),
            (
                "He joined the Association of International Bond Dealers. Dealers said the rule would help.",
                Some("Dealers"),
            ),
        ]);
        // Not the subject of its own sentence.
        assert_eq!(
            speaker_of(
                "The board met. The government has ruled out a rise, because it says it would hurt the poor.",
                "says"
            ),
            None
        );
    }

    /// Asserts the speaker of "said" in each text.
    fn assert_said_by(cases: &[(&str, Option<&str>)]) {
        for &(text, expected) in cases {
            assert_eq!(speaker_of(text, "said").as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn an_appositive_without_its_closing_comma_still_names_the_speaker() {
        assert_said_by(&[
            (
                "Mark Serwotka, from the PCS union said the strike would go ahead.",
                Some("Mark Serwotka"),
            ),
            (
                "Anna Berg, head of the union said talks had failed.",
                Some("Anna Berg"),
            ),
            // A parenthetical report names its own speaker.
            (
                "Putin, the Kremlin said, would attend.",
                Some("the Kremlin"),
            ),
            // An opening adverb is not a name.
            (
                "Separately, the ministry said the plan was fair.",
                Some("the ministry"),
            ),
            ("Overall, the company said sales rose.", Some("the company")),
            (
                "Late Tuesday, the company said sales rose.",
                Some("the company"),
            ),
        ]);
    }

    #[test]
    fn a_role_names_the_person_last_introduced_with_it() {
        assert_said_by(&[
            (
                "Foreign Minister Andrii Sybiha met envoys. The minister said talks would go on.",
                Some("Andrii Sybiha"),
            ),
            (
                "EU policy chief Kaja Kallas met Sergei Lavrov. The chief said talks would go on.",
                Some("Kaja Kallas"),
            ),
            // The latest of two people with the role.
            (
                "President Vladimir Putin met US President Donald Trump. The president said talks would go on.",
                Some("Donald Trump"),
            ),
            // Every title word must fit, and a rank must be in the phrase.
            (
                "Foreign Minister Andrii Sybiha met envoys. The prime minister said talks would go on.",
                Some("The prime minister"),
            ),
            (
                "Deputy Prime Minister John Prescott spoke first. The prime minister said talks would go on.",
                Some("The prime minister"),
            ),
            // No one introduced with the role: as written.
            (
                "Volodymyr Zelenskyy met European leaders. The president said talks would go on.",
                Some("The president"),
            ),
        ]);
    }

    #[test]
    fn the_company_names_the_company_named_before_it() {
        assert_said_by(&[
            (
                "Dart Group Corp said it bid for Supermarkets General Corp. The company said the offer stood.",
                Some("Dart Group Corp"),
            ),
            // A modifier before the noun, and a name joined by "of".
            (
                "Marketing Systems of America Inc sold a unit. The U.S. marketing firm said it would appeal.",
                Some("Marketing Systems of America Inc"),
            ),
            // A wire tag names the company.
            (
                "Dutch steel concern <Hoogovens Groep BV> cut output. The company said talks had failed.",
                Some("Hoogovens Groep BV"),
            ),
            // The lead's company, not one named later in passing.
            (
                "Lifetime Corp said it bought shares. It said <Koba Electronics Co Ltd> will buy more. The company said it was final.",
                Some("Lifetime Corp"),
            ),
            (
                "Deere and Co said it ended talks with General Motors Corp. The company said it would go on.",
                Some("Deere and Co"),
            ),
            // No sentence opens with one: the first named in the nearest.
            (
                "Shares rose after Zenith Inc raised its bid for Acme Corp. The company said it was final.",
                Some("Zenith Inc"),
            ),
            // No company named, a central bank, a description that is not
            // "the" and a company noun, a headline's capitals: as written.
            (
                "Workers walked out on Monday. The company said talks would resume.",
                Some("The company"),
            ),
            (
                "Citicorp Inc raised its prime rate. The central bank said it was watching.",
                Some("The central bank"),
            ),
            (
                "Acme Corp made a bid. The company's chairman said it was final.",
                Some("The company's chairman"),
            ),
            (
                "ACME CORP SEES LOSS\n\nProfits fell. The company said it expected a loss.",
                Some("The company"),
            ),
        ]);
    }

    #[test]
    fn names_with_an_ampersand_or_a_final_s_are_taken_whole() {
        assert_said_by(&[
            (
                "Standard & Poor's on Tuesday said it may cut the rating.",
                Some("Standard & Poor's"),
            ),
            ("Marks & Spencer said sales fell.", Some("Marks & Spencer")),
            (
                "McDonald's said it would scrap the meals.",
                Some("McDonald's"),
            ),
            // A possessor before a noun is not the speaker's whole name.
            (
                "Tony Blair spoke. Mr Blair's aide said it was over.",
                Some("Mr Blair's aide"),
            ),
        ]);
        // A number is nobody, and a comma inside one is no boundary.
        assert_said_by(&[
            (
                "14% of people aged between 18 and 34 said they never voted.",
                None,
            ),
            (
                "A survey of 1,300 bosses said growth would slow.",
                Some("A survey of 1,300 bosses"),
            ),
        ]);
        // An adverb between the auxiliary and the verb is skipped.
        let text = "Mr Ebbers, 63, has always insisted that he was unaware.";
        assert_eq!(speaker_of(text, "insisted").as_deref(), Some("Ebbers"));
    }

    #[test]
    fn a_pronoun_after_what_it_reports_is_no_one_named_in_it() {
        assert_said_by(&[
            (
                "Jack Straw spoke first. The changes proposed by Lord Dubs were complex, he said.",
                Some("Jack Straw"),
            ),
            // A verb or a colon of the sentence's own comes first: the
            // people before it count.
            (
                "Liam Fox derided the plan, saying the show was poor, he said.",
                Some("Liam Fox"),
            ),
            (
                "Andriy Yermak was blunt: \"We will not give up our land\", he said.",
                Some("Andriy Yermak"),
            ),
            // An aside in a relative clause.
            (
                "Michael Howard says it is the minister who, he said, is to blame.",
                Some("Michael Howard"),
            ),
        ]);
    }

    #[test]
    fn an_organisation_before_a_title_is_no_person() {
        // "Lib Dem" modifies Charles Kennedy's title; "she" is neither.
        let text = "Lib Dem leader Charles Kennedy spoke. She said it was over.";
        assert_eq!(speaker_of(text, "said"), None);
        // Elsewhere a name before a title is still a person.
        let text = "Vladimir Putin met Trump adviser Steve Witkoff. He said it was over.";
        assert_eq!(speaker_of(text, "said").as_deref(), Some("Vladimir Putin"));
        // A party is no part of a name, and no two-word name opens with an
        // organisation word.
        assert_said_by(&[
            (
                "But Tory Liam Fox said his party offered a choice.",
                Some("Liam Fox"),
            ),
            (
                "Liam Fox spoke at the Party Conference. He said it was over.",
                Some("Liam Fox"),
            ),
        ]);
        // "the Sunday Times" is a name, not a day: the pollsters' paper is no speaker.
        let text = "A quarter of those polled for the Sunday Times said he should return.";
        assert_eq!(speaker_of(text, "said"), None);
    }

    #[test]
    fn a_title_line_is_not_part_of_a_name() {
        // A title above one-paragraph-per-line copy.
        assert_eq!(
            speaker_of(
                "Blair attacks Howard\nTony Blair said the plan was wrong.",
                "said"
            )
            .as_deref(),
            Some("Tony Blair")
        );
        // A wire headline in capitals is no person for "he" to refer to.
        let text = "INDIA REDUCES EXPORT DUTY ON COFFEE\nIndia cut the export duty on coffee, a Coffee Board official said.\nThe reduction should help exports, he said.";
        let speaker = speaker_of(text, "said");
        assert!(
            !speaker.as_deref().unwrap_or("").contains("REDUCES"),
            "{speaker:?}"
        );
        // Capitals inside a sentence are still a name.
        assert_eq!(
            speaker_of(
                "Sharon takes step\nARIEL SHARON, the Israeli Prime Minister, said he would consider it.",
                "said"
            )
            .as_deref(),
            Some("ARIEL SHARON")
        );
    }

    #[test]
    fn company_names_are_taken_whole() {
        assert_eq!(
            speaker_of("Dart Group Corp said it sold its stake.", "said").as_deref(),
            Some("Dart Group Corp")
        );
        assert_eq!(
            speaker_of(
                "Industrial Equity (Pacific) Ltd, a Hong Kong firm, said it sold.",
                "said"
            )
            .as_deref(),
            Some("Industrial Equity (Pacific) Ltd")
        );
        // Hard-wrapped wire copy breaks a name across lines ...
        let wrapped = "Medco Containment Services\nInc said it paid 30 mln dlrs in cash for the stake it\nbought from the family trust earlier this year, and it\nexpects to complete the purchase of the rest of the company\nby the end of June, subject to the approval of its lenders.\n";
        assert_eq!(
            speaker_of(wrapped, "said").as_deref(),
            Some("Medco Containment Services Inc")
        );
        // ... but a title line above one-paragraph-per-line text is not part
        // of the name.
        assert_eq!(
            speaker_of("Oracle to Acquire PeopleSoft\nOracle Corp said on Monday it would raise its offer.", "said").as_deref(),
            Some("Oracle Corp")
        );
        assert_eq!(
            speaker_of(
                "Bill Wong, director of Indosuez Asia (Singapore) Ltd, said so.",
                "said"
            )
            .as_deref(),
            Some("Bill Wong")
        );
    }

    #[test]
    fn time_words_and_function_words_are_never_speakers() {
        assert_eq!(
            speaker_of("The firm that today announced, in May, grew.", "announced"),
            None
        );
        assert_eq!(
            speaker_of("Fiji today welcomed the end of the ban.", "welcomed").as_deref(),
            Some("Fiji")
        );
        assert_eq!(speaker_of("It was fine, said the \"boss\".", "said"), None);
        assert_eq!(
            speaker_of("In a statement the ministry said it agreed.", "said").as_deref(),
            Some("the ministry")
        );
        assert_eq!(speaker_of("At the same time said nothing.", "said"), None);
        assert_eq!(
            speaker_of("Peter Brown spoke first. At first he said no.", "said").as_deref(),
            Some("Peter Brown")
        );
        // "one" is an unnamed source as written.
        assert_eq!(
            speaker_of("It is over, one said.", "said").as_deref(),
            Some("one")
        );
    }

    #[test]
    fn capitalised_prepositions_are_not_names() {
        let text = "Tom Hart spoke. The tax began in the U.S. In 1962 it fell, he said.";
        assert_eq!(speaker_of(text, "said").as_deref(), Some("Tom Hart"));
    }
}
