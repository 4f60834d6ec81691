/**
 * Words that carry no content for retrieval, folded as the tokenizer folds
 * them (apostrophes dropped: `didn’t` → `didnt`). Question words are here
 * too: the question's type is read from them before they are dropped.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after against all among amongst also am an and any are aren arent as at be because been before being below
  between both but by can cannot cant could couldnt did didnt do does doesnt doing dont down during each either else
  ever few for from further had hadnt has hasnt have havent having he hed hell hes her here heres hers herself him
  himself his how hows i id ill im ive if in into is isnt it its itself just lets me more most much must mustnt my
  myself neither no nor not now of off on many much least once one only or other others ought our ours ourselves out over own same
  shall shant she shed shell shes should shouldnt so some such than that thats the their theirs them themselves then
  there theres these they theyd theyll theyre theyve this those though through to too under until up upon very via
  was wasnt we wed well were weve werent what whats when whens where wheres whether which while who whos whom whose
  why whys will with within without wont would wouldnt yet you youd youll youre youve your yours yourself yourselves
  say says said saying tell tells told according mr mrs ms
  ok okay please hi hello hey thanks thank`
    .split(/\s+/)
    .filter(Boolean),
)

/**
 * Words that are empty in a question though they may mean something in an
 * article: light verbs and nouns that only frame the asking (`What happened
 * in Ahvaz?`, `Tell me about the sanctions`, `What does the article say?`).
 */
export const QUESTION_STOP_WORDS: ReadonlySet<string> = new Set(
  `happen happens happened happening occur occurred occurring go goes going went gone get gets got getting do
  thing things stuff anything something everything anyone someone anybody somebody know knows knew known
  mention mentions mentioned talk talks talked talking explain explains explained
  article articles story stories piece text news page source sources quote quotes quoted
  exactly actually really basically specifically currently recently lately nowadays now still even ever anymore already yet
  like kind sort lot lots way ways guy guys vs versus etc
  give me us tell let make sure happened can could would should will carry
  mean means meant consider considered regarded deemed see saw seen try tried trying attempt take took taken
  decision move situation development developments want wants wanted use used using put puts`
    .split(/\s+/)
    .filter(Boolean),
)

/** Words that ask for the gist: `What is this about?`, `What happened?`, `Summarise the story`. */
export const GIST_WORDS: ReadonlySet<string> = new Set(
  `happen happens happened happening about summary summarise summarize summarised summarized gist overview
  story article news main point points going`
    .split(/\s+/)
    .filter(Boolean),
)

/** Chat spellings of question words and common abbreviations, read as the word they stand for. */
export const CHAT_SPELLINGS: Readonly<Record<string, string>> = {
  whr: 'where', wher: 'where', wht: 'what', wat: 'what', hw: 'how', y: 'why', wen: 'when', u: 'you', ur: 'your',
  pls: 'please', plz: 'please', govt: 'government', gov: 'government', dept: 'department', intl: 'international',
  bc: 'because', cuz: 'because', abt: 'about', thru: 'through', tho: 'though', ppl: 'people', yrs: 'years',
  yr: 'year', gonna: 'going', wanna: 'want', gotta: 'got', kinda: 'kind', n: 'and', r: 'are', b4: 'before',
  bout: 'about', smth: 'something', sth: 'something', cos: 'because', coz: 'because', wats: 'whats', wut: 'what',
}

/**
 * The stop words of five letters or more under each spelling one letter off
 * (`happend`, `whould`, `thier`…), for a question word no article uses: its
 * single-letter deletions are looked up here (symmetric deletion, so a
 * dropped, added, changed or swapped letter all meet). Built once.
 */
const STOP_WORD_DELETIONS: ReadonlyMap<string, string> = (() => {
  const deletions = new Map<string, string>()
  for (const word of [...STOP_WORDS, ...QUESTION_STOP_WORDS]) {
    if (word.length < 5) continue
    deletions.set(word, word)
    for (let i = 0; i < word.length; i++) {
      const variant = word.slice(0, i) + word.slice(i + 1)
      if (!deletions.has(variant)) deletions.set(variant, word)
    }
  }
  return deletions
})()

/** The first two characters of every key of STOP_WORD_DELETIONS, as one number each (see `pair`). */
const DELETION_STARTS: ReadonlySet<number> = new Set([...STOP_WORD_DELETIONS.keys()].map((key) => pair(key.charCodeAt(0), key.charCodeAt(1))))

function pair(first: number, second: number): number {
  return first * 0x10000 + second
}

/** The stop word (of five letters or more) a word of four letters or more is a one-letter slip of (`happend` → `happened`), or undefined. */
export function misspeltStopWord(word: string): string | undefined {
  if (word.length < 4) return undefined
  const direct = STOP_WORD_DELETIONS.get(word)
  if (direct !== undefined) return direct
  for (let i = 0; i < word.length; i++) {
    // A word without the letter at `i` starts with these two characters: most words no article uses (`zorblax`)
    // start no key, and are passed over before a string is built and hashed for each deletion.
    const start = i === 0 ? pair(word.charCodeAt(1), word.charCodeAt(2)) : i === 1 ? pair(word.charCodeAt(0), word.charCodeAt(2)) : pair(word.charCodeAt(0), word.charCodeAt(1))
    if (!DELETION_STARTS.has(start)) {
      // From the third letter on, every deletion starts as the word does.
      if (i >= 2) return undefined
      continue
    }
    const found = STOP_WORD_DELETIONS.get(word.slice(0, i) + word.slice(i + 1))
    if (found !== undefined) return found
  }
  return undefined
}
