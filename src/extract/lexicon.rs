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
    "again", "already", "also", "always", "consistently", "did", "does", "earlier", "even",
    "ever", "first", "further", "had", "has",
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
    // Parties and movements: "Lib Dem", "Tory leader".
    "labour", "tory", "tories", "conservative", "conservatives", "dem", "dems", "lib", "ukip",
    "snp", "taliban", "hezbollah", "fatah", "likud",
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

/// Plural nouns for unnamed groups of sources ("Analysts said", "Diplomats
/// say"): capitalised only because they open a sentence, so never a name,
/// and a group that a later "they" can speak for.
#[rustfmt::skip]
const GROUP_NOUNS: &[&str] = &[
    "activists", "analysts", "authorities", "bankers", "brokers", "campaigners", "critics",
    "dealers", "delegates", "demonstrators", "diplomats", "doctors", "economists",
    "executives", "experts", "farmers", "investigators", "investors", "lawmakers", "leaders",
    "legislators", "mediators", "militants", "ministers", "negotiators", "observers",
    "officers", "officials", "opponents", "organisers", "organizers", "police", "protesters",
    "rebels", "relatives", "researchers", "residents", "scientists", "soldiers", "sources",
    "spokesmen", "strikers", "supporters", "survivors", "traders", "troops", "unions",
    "villagers", "witnesses", "workers",
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

/// Words that open a reported statement without being reporting words
/// themselves ("according to", "made it clear that", "called for", "ruled out").
const TRIGGERS: &[&str] = &[
    "according",
    "call",
    "called",
    "calls",
    "made",
    "make",
    "makes",
    "rule",
    "ruled",
    "rules",
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

/// A short ASCII word lowercased and packed into an integer (its bytes,
/// little-endian, zero-padded): words of up to 16 bytes compare as one number.
#[inline]
fn packed_lowercase(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let len = bytes.len();
    if len == 0 || len > 16 {
        return None;
    }
    // Built in registers from overlapping loads (bytes stored one by one and
    // read back as a word would stall the load).
    let (lo, hi) = if len >= 8 {
        let lo = read_u64(&bytes[..8]);
        let hi = if len > 8 {
            read_u64(&bytes[len - 8..]) >> (8 * (16 - len))
        } else {
            0
        };
        (lo, hi)
    } else if len >= 4 {
        let a = u64::from(read_u32(&bytes[..4]));
        let b = u64::from(read_u32(&bytes[len - 4..]));
        (a | (b << (8 * (len - 4))), 0)
    } else {
        let mut v = 0u64;
        for (k, &b) in bytes.iter().enumerate() {
            v |= u64::from(b) << (8 * k);
        }
        (v, 0)
    };
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if (lo | hi) & HIGH != 0 {
        return None;
    }
    let lower = |x: u64| {
        // Per byte (all ASCII): high bit set when >= b'A' and when > b'Z'.
        let at_least_a = x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
        let past_z = x.wrapping_add(0x2525_2525_2525_2525);
        x | ((at_least_a & !past_z & HIGH) >> 2)
    };
    Some(u128::from(lower(lo)) | (u128::from(lower(hi)) << 64))
}

#[inline]
fn read_u64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_le_bytes(a)
}

#[inline]
fn read_u32(b: &[u8]) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[..4]);
    u32::from_le_bytes(a)
}

/// Size of [`FastMap`]'s filter, in 64-bit words (8192 bits).
const FILTER_WORDS: usize = 128;

/// The filter bit of a packed word.
#[inline]
fn filter_bit(key: u128) -> usize {
    let mixed = (key as u64).wrapping_add(((key >> 64) as u64).rotate_left(17));
    (mixed.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> 51) as usize
}

/// A map from lowercase words to values with a fast path for short ASCII
/// words (an open-addressing table of packed words) and a hash map for the
/// rest. Lookups ignore case.
#[derive(Debug, Clone)]
struct FastMap<V: Copy> {
    /// Packed key (0 = empty slot) and value; the length is a power of two.
    slots: Vec<(u128, V)>,
    shift: u32,
    /// One bit per hash bucket that holds a word: most words that are in no
    /// list stop here, without touching the larger slot table.
    filter: Box<[u64; FILTER_WORDS]>,
    /// Words that do not pack (long or not ASCII).
    rest: WordMap<V>,
}

impl<V: Copy> FastMap<V> {
    fn new(entries: &[(&'static str, V)], empty: V) -> Self {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut map = FastMap {
            slots: vec![(0, empty); size],
            shift: 64 - size.trailing_zeros(),
            filter: Box::new([0; FILTER_WORDS]),
            rest: WordMap::default(),
        };
        for &(word, value) in entries {
            // The lists are lowercase, so a packed word is its own key.
            match packed_lowercase(word) {
                Some(key) if word.bytes().all(|b| !b.is_ascii_uppercase()) => {
                    let mut at = map.slot(key);
                    while map.slots[at].0 != 0 && map.slots[at].0 != key {
                        at = (at + 1) & (size - 1);
                    }
                    map.slots[at] = (key, value);
                    let bit = filter_bit(key);
                    map.filter[bit / 64] |= 1 << (bit % 64);
                }
                _ => {
                    map.rest.insert(word, value);
                }
            }
        }
        map
    }

    #[inline]
    fn slot(&self, key: u128) -> usize {
        let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of `word`, ignoring case.
    #[inline]
    fn get(&self, word: &str) -> Option<V> {
        if let Some(key) = packed_lowercase(word) {
            return self.probe(key);
        }
        if self.rest.is_empty() && word.is_ascii() {
            return None; // too long or empty: it cannot pack, and nothing else is listed
        }
        // Non-ASCII words may still lowercase to a short ASCII word.
        with_lowercase(word, |lower| match packed_lowercase(lower) {
            Some(key) => self.probe(key),
            None => self.rest.get(lower).copied(),
        })
    }

    #[inline]
    fn probe(&self, key: u128) -> Option<V> {
        let bit = filter_bit(key);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = self.slot(key);
        loop {
            let (k, v) = self.slots[at];
            if k == key {
                return Some(v);
            }
            if k == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
    }
}

/// A list of lowercase words with case-insensitive lookup. Each list has
/// its own bit, so a token's memberships can be read once per article (see
/// [`Lexicon::lookup`]).
#[derive(Debug, Clone)]
pub(crate) struct WordSet {
    words: FastMap<()>,
    bit: u32,
}

impl WordSet {
    fn new(list: &[&'static str], bit: u32) -> Self {
        WordSet {
            words: FastMap::new(&list.iter().map(|&w| (w, ())).collect::<Vec<_>>(), ()),
            bit,
        }
    }

    /// Whether `word` is in the set, ignoring case.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.words.get(word).is_some()
    }

    /// This list's bit in [`Lexicon::lookup`]'s flags.
    pub(crate) fn bit(&self) -> u32 {
        self.bit
    }
}

/// Calls `f` with `word` lowercased, without allocating for short ASCII words.
#[inline]
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
    flags: FastMap<(u32, Option<CueClass>)>,
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
    /// Words that may open a reported statement: reporting words and [`TRIGGERS`].
    pub(crate) triggers: WordSet,
    /// [`GROUP_NOUNS`]: unnamed groups of sources, never names.
    pub(crate) group_nouns: WordSet,
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
        let lists: [(&[&'static str], u32); 17] = [
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
            (TRIGGERS, 1 << 15),
            (GROUP_NOUNS, 1 << 16),
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
        let mut entries: Vec<(&'static str, (u32, Option<CueClass>))> = flags.into_iter().collect();
        entries.sort_by_key(|&(w, _)| w);
        Lexicon {
            flags: FastMap::new(&entries, (0, None)),
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
            triggers: WordSet::new(TRIGGERS, 1 << 15),
            group_nouns: WordSet::new(GROUP_NOUNS, 1 << 16),
            female: WordSet::new(FEMALE_NAMES, 0),
            male: WordSet::new(MALE_NAMES, 0),
        }
    }

    /// The list bits and reporting class of `word` (one lowercase, two lookups).
    #[inline]
    pub(crate) fn lookup(&self, word: &str) -> (u32, Option<CueClass>) {
        // No listed word is that long or starts with a digit.
        if word.len() > 24 || word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return (0, None);
        }
        self.flags.get(word).unwrap_or((0, None))
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
    fn packing_lowercases_every_length() {
        for word in [
            "a",
            "Of",
            "THE",
            "Said",
            "Added",
            "Kremlin",
            "REPORTED",
            "Parliament",
            "Secretary-Gen",
            "PARLIAMENTARIANS",
        ] {
            let lower = word.to_ascii_lowercase();
            assert_eq!(packed_lowercase(word), packed_lowercase(&lower), "{word}");
            let mut buf = [0u8; 16];
            buf[..lower.len()].copy_from_slice(lower.as_bytes());
            assert_eq!(
                packed_lowercase(word),
                Some(u128::from_le_bytes(buf)),
                "{word}"
            );
        }
        assert_eq!(packed_lowercase("Afirmó"), None);
        assert_eq!(packed_lowercase("seventeen-letters"), None);
    }

    #[test]
    fn non_ascii_words_are_found() {
        let lex = Lexicon::new();
        assert_eq!(lex.cue("Afirmó"), Some(CueClass::Say));
    }
}
