//! Word lists the extractor matches tokens against.
//!
//! Every list is lowercase and looked up case-insensitively through
//! [`WordSet`] or [`Lexicon::cue`]. The lists are English wire-copy
//! vocabulary (plus a few Spanish/French/German reporting verbs for
//! translated copy); they are data, not logic, so extending one never needs a
//! code change elsewhere.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// What a reporting word does in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// A speech verb that may take a clause without "that" ("said the plan was").
    Say,
    /// A speech verb that takes a clause only with "that" or a clear subject +
    /// finite verb ("warned that", "insisted he would").
    Report,
    /// A verb that only attributes a direct quote ("sighed", "grumbled").
    Manner,
    /// A participle that reports for the main clause's subject (", saying that").
    Participle,
    /// A verb whose object is the position taken ("opposes the presence of").
    Object,
    /// A verb that frames a quoted fragment ("called it a “basis”",
    /// "described the talks as productive").
    Describe,
}

/// Finite reporting verbs that may take a bare clause.
#[rustfmt::skip]
const SAY: &[&str] = &[
    "add", "added", "adds", "say", "said", "says", "tell", "tells", "told", "write", "writes",
    "wrote", "dijo", "afirmó", "declaró", "señaló", "aseguró", "explicó", "añadió", "indicó",
    "déclare", "sagte", "erklärte",
];

/// Finite reporting verbs that need "that" or a clear clause after them.
#[rustfmt::skip]
const REPORT: &[&str] = &[
    "acknowledge", "acknowledged", "acknowledges", "admit", "admits", "admitted", "affirm",
    "affirmed", "affirms", "agreed", "alleged", "alleges", "announce", "announced", "announces",
    "answered", "argue", "argued", "argues", "ask", "asked", "asks", "assert", "asserted",
    "asserts", "assured", "assures", "boasted", "cautioned", "cautions", "claim", "claimed",
    "claims", "complained", "conceded", "concedes", "concluded", "confirm", "confirmed",
    "confirms", "contend", "contended", "contends", "countered", "declare", "declared",
    "declares", "deny", "denied", "denies", "disclosed", "emphasise", "emphasised",
    "emphasises", "emphasize", "emphasized", "emphasizes", "estimated", "explain", "explained",
    "explains", "hinted", "hints", "implied", "implies", "indicate", "indicated", "indicates",
    "insist", "insisted", "insists", "maintain", "maintained", "maintains", "mentioned",
    "noted", "notes", "observed", "pledge", "pledged", "pledges", "predicted", "predicts",
    "promise", "promised", "promises", "recalled", "recalls", "reiterate", "reiterated",
    "reiterates", "remarked", "replied", "replies", "reply", "reported", "responded",
    "revealed", "signaled", "signalled", "signals", "stated", "stress", "stressed", "stresses",
    "suggest", "suggested", "suggests", "testified", "threatened", "threatens", "tweeted",
    "underlined", "underscored", "underscores", "urge", "urged", "urges", "vow", "vowed",
    "vows", "warn", "warned", "warns",
];

/// Verbs that attribute a direct quote but rarely report a clause.
#[rustfmt::skip]
const MANNER: &[&str] = &[
    "begged", "continued", "continues", "cried", "exclaimed", "grumbled", "joked", "laughed",
    "muttered", "mused", "pleaded", "quipped", "retorted", "screamed", "shouted", "sighed",
    "snapped", "whimpered", "whispered", "wondered", "yelled",
];

/// Participles that report for the subject of the main clause.
#[rustfmt::skip]
const PARTICIPLE: &[&str] = &[
    "acknowledging", "adding", "admitting", "arguing", "asserting", "claiming", "confirming",
    "declaring", "denying", "emphasising", "emphasizing", "explaining", "insisting", "noting",
    "promising", "reiterating", "saying", "stating", "stressing", "suggesting", "telling",
    "threatening", "underlining", "vowing", "warning", "writing",
];

/// Verbs whose noun-phrase object is the stance taken.
#[rustfmt::skip]
const OBJECT: &[&str] = &[
    "condemn", "condemned", "condemns", "criticised", "criticized", "demanded", "demands",
    "denounced", "denounces", "dismissed", "dismisses", "oppose", "opposed", "opposes",
    "reject", "rejected", "rejects", "welcomed", "welcomes",
];

/// Verbs that frame a quoted fragment or a characterisation ("as productive").
#[rustfmt::skip]
const DESCRIBE: &[&str] = &[
    "called", "calls", "characterised", "characterized", "characterizes", "described",
    "describes", "labeled", "labelled", "termed",
];

/// Words that end a noun phrase scanned backwards or forwards: they start a
/// new clause.
#[rustfmt::skip]
const CLAUSE_WORDS: &[&str] = &[
    "after", "although", "as", "because", "before", "but", "if", "nor", "or", "since", "so",
    "than", "that", "though", "unless", "until", "when", "where", "whereas", "whether", "which",
    "while", "who", "whom", "whose", "yet",
];

/// Auxiliaries and modals: a finite clause has one, a noun phrase never does.
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "am", "are", "be", "been", "being", "can", "could", "did", "do", "does", "had", "has",
    "have", "is", "may", "might", "must", "shall", "should", "was", "were", "will", "would",
    "remains", "remain", "remained", "needs", "wants", "wanted", "went", "made", "makes",
    "gave", "took", "came", "got", "saw", "knew", "thought", "felt", "kept", "held", "meant",
    "left", "met", "won", "lost", "intends", "plans", "planned", "hopes", "expects", "believes",
    "sees", "faces", "seeks", "lies", "stands", "stood",
];

/// Adverbs and auxiliaries that may sit between a subject and its verb.
#[rustfmt::skip]
const PRE_VERB: &[&str] = &[
    "again", "already", "also", "consistently", "did", "does", "earlier", "first", "had", "has",
    "have", "later", "long", "never", "not", "now", "often", "once", "previously", "publicly",
    "privately", "recently", "repeatedly", "reportedly", "separately", "since", "then", "will",
    "would", "just", "still",
];

/// Prepositions: a name right after one is rarely a pronoun's antecedent.
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "about", "across", "after", "against", "among", "around", "at", "before", "behind",
    "between", "by", "during", "for", "from", "in", "into", "near", "of", "on", "over", "per",
    "since", "through", "to", "toward", "towards", "under", "via", "with", "within", "without",
];

/// Determiners and possessives that open a noun phrase.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "a", "an", "another", "any", "each", "every", "her", "his", "its", "our", "some", "that",
    "the", "their", "these", "this", "those", "your",
];

/// Capitalised words that start sentences but never names.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "a", "according", "additionally", "after", "all", "also", "although", "an", "and",
    "another", "as", "asked", "at", "both", "but", "by", "despite", "during", "each", "earlier",
    "even", "every", "for", "from", "further", "furthermore", "he", "her", "here", "his",
    "however", "i", "if", "in", "instead", "it", "its", "last", "later", "like", "many",
    "meanwhile", "men", "moreover", "most", "my", "nevertheless", "next", "no", "not",
    "notably", "now", "officials", "on", "once", "one", "only", "our", "over", "she", "since",
    "so", "some", "still", "such", "that", "the", "their", "then", "there", "these", "they",
    "this", "those", "though", "thus", "to", "today", "under", "until", "we", "what", "when",
    "where", "whether", "which", "while", "who", "why", "with", "women", "yet", "you",
    "yesterday", "witnesses", "police",
];

/// Titles and roles written before a name; never part of the speaker string.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "adm", "admiral", "adviser", "advisor", "aide", "ambassador", "analyst", "archbishop",
    "attorney", "bishop", "capt", "captain", "ceo", "cfo", "chair", "chairman", "chairperson",
    "chairwoman", "chancellor", "chief", "col", "colonel", "commander", "commissioner",
    "congressman", "congresswoman", "coo", "councillor", "councilman", "councilwoman", "cpl",
    "dame", "deputy", "detective", "director", "dr", "economist", "emir", "envoy", "executive",
    "father", "foreign", "founder", "gen", "general", "gov", "governor", "head", "imam",
    "inspector", "judge", "justice", "king", "lady", "leader", "lord", "lt", "lieutenant",
    "maj", "major", "manager", "mayor", "mep", "minister", "miss", "mp", "mr", "mrs", "ms",
    "negotiator", "officer", "official", "pope", "premier", "president", "president-elect",
    "prime", "prince", "princess", "prof", "professor", "prosecutor", "queen", "rabbi", "rep",
    "representative", "rev", "reverend", "secretary", "secretary-general", "sen", "senator",
    "sergeant", "sgt", "sheikh", "sheriff", "sir", "speaker", "spokesman", "spokesperson",
    "spokeswoman", "state", "vice", "vp", "defence", "defense", "interior", "finance",
    "economy", "trade", "justice", "little", "old", "young", "industry", "commerce", "agriculture", "energy", "health", "labour", "labor", "transport", "education", "culture",
];

/// Words that end organisations and places ("... Ministry", "... City").
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "administration", "agency", "airlines", "alliance", "army", "assembly", "association",
    "authority", "bank", "board", "bureau", "cabinet", "center", "centre", "church", "city",
    "coalition", "co", "command", "commission", "committee", "company", "congress", "corp",
    "corporation", "council", "county", "court", "department", "duma", "embassy", "exchange",
    "fest", "festival", "forces", "foundation", "front", "fund", "government", "group", "guard",
    "hall", "house", "inc", "institute", "journal", "kremlin", "league", "ltd", "media",
    "ministry", "movement", "navy", "network", "news", "office", "organisation", "organization",
    "parliament", "party", "pentagon", "police", "post", "press", "province", "rada", "radio",
    "region", "republic", "reserve", "school", "senate", "service", "services", "square",
    "street", "television", "times", "treasury", "tribunal", "union", "university", "valley",
];

/// Capitalised words that are places, nationalities, institutions, days or
/// months: they break a name and are never a person.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "afghanistan", "africa", "african", "america", "american", "april", "arab", "asia", "asian",
    "august", "australia", "australian", "austria", "baltic", "beijing", "belarus",
    "belarusian", "belgian", "belgium", "berlin", "brazil", "britain", "british", "brussels",
    "canada", "canadian", "china", "chinese", "christmas", "crimea", "december", "donbas",
    "donetsk", "dutch", "egypt", "england", "english", "estonia", "eu", "europe", "european",
    "february", "finland", "france", "french", "friday", "gaza", "geneva", "georgia", "german",
    "germany", "greece", "hamas", "hungary", "india", "indian", "iran", "iranian", "iraq",
    "islamic", "israel", "israeli", "istanbul", "italian", "italy", "january", "japan",
    "japanese", "july", "june", "kherson", "kharkiv", "kremlin", "kyiv", "latvia", "lithuania",
    "london", "luhansk", "march", "may", "monday", "moscow", "nato", "netherlands", "november",
    "october", "palestinian", "paris", "poland", "polish", "rome", "russia", "russian",
    "saturday", "saudi", "september", "soviet", "spain", "spanish", "sunday", "sweden", "swiss",
    "syria", "thursday", "tuesday", "turkey", "turkish", "u.k.", "u.n.", "u.s.", "uk",
    "ukraine", "ukrainian", "un", "us", "usa", "warsaw", "washington", "wednesday", "west",
    "western", "white", "zaporizhzhia", "north", "south", "east", "eastern", "northern",
    "southern", "kyivan", "republican", "democrat", "democratic", "ukraine’s", "ukraine's",
    "russia’s", "russia's", "god",
];

/// Name particles that may sit lowercase inside a name ("Ursula von der Leyen").
#[rustfmt::skip]
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "della", "der", "di", "du", "la", "le", "van", "von",
];

/// Words that end "-ed" but are adjectives inside a noun phrase.
#[rustfmt::skip]
const ED_ADJECTIVES: &[&str] = &[
    "alleged", "armed", "based", "elected", "exiled", "jailed", "detained", "retired", "united",
    "unnamed", "unidentified", "so-called", "self-styled", "dedicated", "experienced",
    "concerned", "interested", "frightened", "assorted",
];

/// Single words between a reporting verb and its clause ("said Sunday", "said repeatedly").
#[rustfmt::skip]
const ADJUNCTS: &[&str] = &[
    "again", "earlier", "friday", "later", "monday", "publicly", "repeatedly", "saturday",
    "sunday", "thursday", "today", "tonight", "tuesday", "wednesday", "yesterday", "also",
    "privately", "separately", "recently", "previously", "once", "then", "too", "now",
];

/// Time nouns after "last"/"this"/"next" ("said last week").
#[rustfmt::skip]
const TIME_NOUNS: &[&str] = &[
    "autumn", "month", "morning", "night", "spring", "summer", "week", "weekend", "winter",
    "year", "evening", "afternoon", "friday", "monday", "saturday", "sunday", "thursday",
    "tuesday", "wednesday",
];

/// Listeners after "told" ("told reporters", "told me").
#[rustfmt::skip]
const ADDRESSEES: &[&str] = &[
    "audiences", "crowds", "delegates", "everyone", "her", "him", "investigators",
    "journalists", "lawmakers", "legislators", "me", "parliament", "parliamentarians",
    "reporters", "supporters", "them", "us", "viewers", "voters", "students", "senators",
    "officials", "diplomats", "troops", "soldiers", "residents", "people",
];

/// Given names read as female, for pronoun agreement.
#[rustfmt::skip]
const FEMALE_NAMES: &[&str] = &[
    "alice", "amy", "angela", "anna", "anne", "annalena", "barbara", "beth", "carol",
    "catherine", "christine", "claudia", "ekaterina", "elena", "elizabeth", "ella", "emily",
    "emma", "giorgia", "heather", "helen", "hillary", "irina", "iryna", "jen", "jennifer",
    "jessica", "jo", "julia", "kaja", "kamala", "karen", "kate", "kristi", "laura", "linda",
    "lisa", "liz", "margaret", "maria", "marine", "mariya", "mary", "meg", "melania",
    "michelle", "nancy", "natalia", "natalya", "nikki", "oksana", "olena", "olga", "patricia",
    "rachel", "rebecca", "ruth", "sarah", "sharon", "sophia", "susan", "svetlana", "tatiana",
    "tatyana", "theresa", "tulsi", "ursula", "valeriia", "valentina", "victoria", "yelena",
    "yulia", "yuliia", "kallas", "karoline", "marta", "magdalena", "ewa", "agnieszka",
];

/// Given names read as male, for pronoun agreement.
#[rustfmt::skip]
const MALE_NAMES: &[&str] = &[
    "alexander", "alexei", "andrii", "andriy", "antony", "bill", "boris", "brian", "burton",
    "charles", "chris", "david", "denys", "dmitri", "dmitry", "dmytro", "donald", "emmanuel",
    "friedrich", "geoffrey", "george", "hugh", "igor", "ivan", "james", "jens", "joe", "john",
    "keir", "kevin", "lloyd", "marco", "mark", "maxim", "michael", "mike", "mikhail",
    "mykhailo", "nikolai", "olaf", "oleksandr", "oleksiy", "paul", "pavel", "pete", "peter",
    "petro", "ramzan", "recep", "richard", "robert", "ross", "rustem", "sergei", "sergey",
    "steve", "terrance", "thomas", "tony", "viktor", "vladimir", "volodymyr", "william",
    "yevgeny", "yuri", "yury", "xi", "jd", "benjamin", "kim", "emmanuel", "andrzej", "donald",
    "radoslaw", "valery", "vitali", "vitaliy", "serhiy", "ihor", "kyrylo", "oleh", "yuriy",
];

/// Elisions written with a leading apostrophe ("’em", "'til").
const ELISIONS: &[&str] = &["cause", "em", "im", "n", "round", "til", "tis", "twas", "s"];

/// A fast hasher for short words (the lists are fixed, so hash flooding is
/// no concern).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time: the words are short.
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            let v = u64::from_le_bytes(word) ^ chunk.len() as u64;
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<WordHasher>>;

/// A list of lowercase words with case-insensitive lookup. Each list has
/// its own bit, so a token's memberships can be read once per article (see
/// [`Lexicon::lookup`]).
#[derive(Debug, Clone)]
pub(crate) struct WordSet {
    words: WordMap<()>,
    bit: u32,
}

impl WordSet {
    fn new(list: &[&'static str], bit: u32) -> Self {
        WordSet {
            words: list.iter().map(|&w| (w, ())).collect(),
            bit,
        }
    }

    /// Whether `word` is in the set, ignoring case.
    pub(crate) fn contains(&self, word: &str) -> bool {
        with_lowercase(word, |lower| self.words.contains_key(lower))
    }

    /// This list's bit in [`Lexicon::lookup`]'s flags.
    pub(crate) fn bit(&self) -> u32 {
        self.bit
    }
}

/// Calls `f` with `word` lowercased, without allocating for short ASCII words.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if !bytes.iter().any(|b| b.is_ascii_uppercase() || *b >= 0x80) {
        return f(word); // already lowercase ASCII
    }
    if bytes.len() <= 32 && word.is_ascii() {
        let mut buf = [0u8; 32];
        for (dst, src) in buf.iter_mut().zip(bytes) {
            *dst = src.to_ascii_lowercase();
        }
        // Lowercasing ASCII keeps the bytes ASCII, so this cannot fail.
        let lower = std::str::from_utf8(&buf[..bytes.len()]).unwrap_or_default();
        f(lower)
    } else {
        f(&word.to_lowercase())
    }
}

/// Gender read from a given name, for pronoun agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Female,
    Male,
    Unknown,
}

/// All word lists, built once per [`Extractor`](super::Extractor).
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    /// Every listed word with the bits of the lists that hold it and its
    /// reporting class.
    flags: WordMap<(u32, Option<CueClass>)>,
    pub(crate) clause_words: WordSet,
    pub(crate) auxiliaries: WordSet,
    pub(crate) pre_verb: WordSet,
    pub(crate) prepositions: WordSet,
    pub(crate) determiners: WordSet,
    pub(crate) function_words: WordSet,
    pub(crate) titles: WordSet,
    pub(crate) org_heads: WordSet,
    pub(crate) not_names: WordSet,
    pub(crate) name_particles: WordSet,
    pub(crate) ed_adjectives: WordSet,
    pub(crate) adjuncts: WordSet,
    pub(crate) time_nouns: WordSet,
    pub(crate) addressees: WordSet,
    pub(crate) elisions: WordSet,
    female: WordSet,
    male: WordSet,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::new()
    }
}

impl Lexicon {
    /// Builds every list.
    pub(crate) fn new() -> Self {
        let mut cues: WordMap<CueClass> = WordMap::default();
        // Earlier lists win: "said" stays Say.
        for (list, class) in [
            (SAY, CueClass::Say),
            (REPORT, CueClass::Report),
            (PARTICIPLE, CueClass::Participle),
            (OBJECT, CueClass::Object),
            (DESCRIBE, CueClass::Describe),
            (MANNER, CueClass::Manner),
        ] {
            for &word in list {
                cues.entry(word).or_insert(class);
            }
        }
        let lists: [(&[&'static str], u32); 15] = [
            (CLAUSE_WORDS, 1 << 0),
            (AUXILIARIES, 1 << 1),
            (PRE_VERB, 1 << 2),
            (PREPOSITIONS, 1 << 3),
            (DETERMINERS, 1 << 4),
            (FUNCTION_WORDS, 1 << 5),
            (TITLES, 1 << 6),
            (ORG_HEADS, 1 << 7),
            (NOT_NAMES, 1 << 8),
            (NAME_PARTICLES, 1 << 9),
            (ED_ADJECTIVES, 1 << 10),
            (ADJUNCTS, 1 << 11),
            (TIME_NOUNS, 1 << 12),
            (ADDRESSEES, 1 << 13),
            (ELISIONS, 1 << 14),
        ];
        let mut flags: WordMap<(u32, Option<CueClass>)> = WordMap::default();
        for (list, bit) in lists {
            for &word in list {
                flags.entry(word).or_insert((0, None)).0 |= bit;
            }
        }
        for (&word, &class) in &cues {
            flags.entry(word).or_insert((0, None)).1 = Some(class);
        }
        Lexicon {
            flags,
            clause_words: WordSet::new(CLAUSE_WORDS, 1 << 0),
            auxiliaries: WordSet::new(AUXILIARIES, 1 << 1),
            pre_verb: WordSet::new(PRE_VERB, 1 << 2),
            prepositions: WordSet::new(PREPOSITIONS, 1 << 3),
            determiners: WordSet::new(DETERMINERS, 1 << 4),
            function_words: WordSet::new(FUNCTION_WORDS, 1 << 5),
            titles: WordSet::new(TITLES, 1 << 6),
            org_heads: WordSet::new(ORG_HEADS, 1 << 7),
            not_names: WordSet::new(NOT_NAMES, 1 << 8),
            name_particles: WordSet::new(NAME_PARTICLES, 1 << 9),
            ed_adjectives: WordSet::new(ED_ADJECTIVES, 1 << 10),
            adjuncts: WordSet::new(ADJUNCTS, 1 << 11),
            time_nouns: WordSet::new(TIME_NOUNS, 1 << 12),
            addressees: WordSet::new(ADDRESSEES, 1 << 13),
            elisions: WordSet::new(ELISIONS, 1 << 14),
            female: WordSet::new(FEMALE_NAMES, 0),
            male: WordSet::new(MALE_NAMES, 0),
        }
    }

    /// The list bits and reporting class of `word` (one lowercase, two lookups).
    pub(crate) fn lookup(&self, word: &str) -> (u32, Option<CueClass>) {
        // No listed word is that long or starts with a digit.
        if word.len() > 24 || word.starts_with(|c: char| c.is_ascii_digit()) {
            return (0, None);
        }
        with_lowercase(word, |lower| {
            self.flags.get(lower).copied().unwrap_or((0, None))
        })
    }

    /// The reporting class of `word`, if it is a reporting word.
    #[cfg(test)]
    pub(crate) fn cue(&self, word: &str) -> Option<CueClass> {
        self.lookup(word).1
    }

    /// The gender a given name suggests.
    pub(crate) fn gender(&self, given_name: &str) -> Gender {
        if self.female.contains(given_name) {
            Gender::Female
        } else if self.male.contains(given_name) {
            Gender::Male
        } else {
            Gender::Unknown
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_ignore_case() {
        let lex = Lexicon::new();
        assert_eq!(lex.cue("Said"), Some(CueClass::Say));
        assert_eq!(lex.cue("insisted"), Some(CueClass::Report));
        assert_eq!(lex.cue("sighed"), Some(CueClass::Manner));
        assert_eq!(lex.cue("table"), None);
        assert!(lex.titles.contains("Spokesman"));
        assert!(lex.not_names.contains("Tuesday"));
        assert_eq!(lex.gender("Kaja"), Gender::Female);
        assert_eq!(lex.gender("Sergei"), Gender::Male);
        assert_eq!(lex.gender("Zork"), Gender::Unknown);
    }

    #[test]
    fn non_ascii_words_are_found() {
        let lex = Lexicon::new();
        assert_eq!(lex.cue("Afirmó"), Some(CueClass::Say));
    }
}
