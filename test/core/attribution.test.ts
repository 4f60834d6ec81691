import { describe, expect, it } from 'vitest'
import { readArticle } from '../../src/core/article.js'
import { judgeAll, labelFiles } from './labels.js'

const files = labelFiles()

describe('attribution against the hand labels', () => {
  it('GIVEN the label files THEN the seed and at least four corpus articles are labelled', () => {
    expect(files.map((f) => f.labels.article)).toContain('000_97c02de7d0eb7492.txt')
    expect(files.length).toBeGreaterThanOrEqual(5)
  })

  it('GIVEN the seed article THEN every statement has the labelled speaker and kind', () => {
    const { labels, text } = files.find((f) => f.labels.article.startsWith('000_'))!
    const article = readArticle({ id: labels.article, text })
    expect(article.statements).toHaveLength(labels.statements.length)
    const wrong = judgeAll(article, labels.statements)
      .filter((v) => !v.speaker || !v.kind)
      .map((v) => `${v.label.prefix} → ${v.statement?.kind} ${v.statement?.speaker}`)
    expect(wrong).toEqual([])
  })

  for (const { labels, text } of files) {
    it(`GIVEN ${labels.article} THEN every labelled sentence is a statement and ≥ 95% have the right speaker and kind`, () => {
      const article = readArticle({ id: labels.article, text })
      const verdicts = judgeAll(article, labels.statements)
      const missing = verdicts.filter((v) => !v.statement).map((v) => v.label.prefix)
      expect(missing).toEqual([])
      const speakerRight = verdicts.filter((v) => v.speaker).length / verdicts.length
      const kindRight = verdicts.filter((v) => v.kind).length / verdicts.length
      expect(speakerRight).toBeGreaterThanOrEqual(0.95)
      expect(kindRight).toBeGreaterThanOrEqual(0.95)
    })
  }

  it('GIVEN the seed THEN one canonical name stands for every way the article names a speaker', () => {
    const { text } = files.find((f) => f.labels.article.startsWith('000_'))!
    const article = readArticle({ id: 'seed', text })
    const rajavi = article.speakers.find((s) => s.name === 'Maryam Rajavi')
    expect(rajavi?.aliases).toEqual(expect.arrayContaining(['Rajavi', 'NCRI President']))
    const pmoi = article.speakers.find((s) => s.aliases.includes('PMOI/MEK'))
    expect(pmoi?.name).toBe("People's Mojahedin Organization of Iran")
    expect(pmoi?.aliases).toEqual(expect.arrayContaining(['PMOI', 'MEK']))
    const luther = article.statements.find((s) => s.speaker === 'Philip Luther')
    expect(luther?.role).toBe('Middle East and North Africa Research Director at Amnesty International')
    // Narration speaks with the byline, resolved to the same entity.
    expect(article.statements.find((s) => s.kind === 'narration')?.speaker).toBe(pmoi?.name)
  })

  it('GIVEN a quotation whose cue comes only after its last sentence THEN every sentence of it is the speaker’s, with the cue kept', () => {
    const text = 'Title\n\n“First claim here. Second claim follows. Third one ends,” said Jane Roe, a spokeswoman for the Example Group.\n\n“A fourth sentence with no cue.”\n'
    const article = readArticle({ id: 't', text })
    expect(article.statements.map((s) => [s.kind, s.speaker])).toEqual([
      ['direct', 'Jane Roe'],
      ['direct', 'Jane Roe'],
      ['direct', 'Jane Roe'],
      ['direct', 'Jane Roe'],
    ])
    expect(article.statements[2]!.cue).toBe('said Jane Roe, a spokeswoman for the Example Group')
    expect(article.statements[0]!.role).toBe('spokeswoman for the Example Group')
  })

  it('GIVEN reported speech, a pronoun and an anaphor THEN each resolves to the last fitting speaker', () => {
    const text = [
      'Title',
      'The Example Watch Institute said on Monday that 40 people were detained.',
      'Officials denied the figure, according to the institute’s report.',
      'John Q. Smith, a local teacher, told reporters the roads were closed.',
      'He added that schools would reopen.',
      'The sky was clear.',
    ].join('\n\n')
    const s = readArticle({ id: 't', text }).statements
    expect(s.map((x) => [x.kind, x.speaker])).toEqual([
      ['reported', 'Example Watch Institute'],
      ['reported', 'Example Watch Institute'],
      ['reported', 'John Q. Smith'],
      ['reported', 'John Q. Smith'],
      ['narration', 'the article'],
    ])
  })

  it('GIVEN a place that also opens an organisation’s name THEN the place alone is not that organisation', () => {
    const text = [
      'Title',
      'Protests spread in Freedonia last year.',
      'Freedonia Broadcasting International reported that 40 people were detained.',
      'Freedonia blamed the unrest on foreign agents.',
      'Amnesty International said the figure was higher.',
      'Amnesty added that it would publish a report.',
    ].join('\n\n')
    const s = readArticle({ id: 't', text }).statements
    expect(s.map((x) => x.speaker)).toEqual([
      'the article',
      'Freedonia Broadcasting International',
      'Freedonia',
      'Amnesty International',
      'Amnesty International',
    ])
  })

  it('GIVEN an end cue after figures, and a name run that crosses a full stop THEN the speaker is the named one, never a figure or two sentences', () => {
    const s1 = readArticle({ id: 't', text: 'T\n\nMabo Kelleher, the minister, spoke.\n\nThe plan will require 103,969 billion dinars, down 11 % from 2010, Mabo told reporters.\n' }).statements
    expect(s1[1]).toMatchObject({ kind: 'reported', speaker: 'Mabo Kelleher' })
    const s2 = readArticle({ id: 't', text: 'T\n\nThe vote failed, said a member of the Droukra Association. The Droukra Association upheld the ban.\n' }).statements
    expect(s2[0]!.speaker).toBe('Droukra Association')
  })
  it('GIVEN a quotation that names a capitalised thing before its cue `it said` THEN `it` is the organisation named before, not the thing', () => {
    const text = 'T\n\nThe Example Safety Board warned people to avoid the powders.\n\n“We advise against anything containing XQZ, as it is toxic,” it said in a statement.\n'
    const s = readArticle({ id: 't', text }).statements
    expect(s[1]).toMatchObject({ kind: 'direct', speaker: 'Example Safety Board' })
  })
  it('GIVEN an end cue with two speakers joined by `and` THEN they speak as one group, also when only one is a known speaker noun', () => {
    const medics = readArticle({ id: 't', text: 'T\n\nThe driver died at the scene, police and medics said.\n' }).statements
    expect(medics[0]).toMatchObject({ kind: 'reported', speaker: 'Police and medics' })
    const shopkeepers = readArticle({ id: 't', text: 'T\n\nThe market stayed shut for a week, officials and local shopkeepers said.\n' }).statements
    expect(shopkeepers[0]).toMatchObject({ kind: 'reported', speaker: 'Officials and local shopkeepers' })
  })
  it('GIVEN the mother of one victim, and later a named mother of another THEN the first quote is not the named one’s', () => {
    const text = [
      'T',
      '“Nobody warned us about the danger,” the mother of one victim said.',
      'Officials met on Monday.',
      '“We want answers,” said Jane Roe, the mother of another victim.',
    ].join('\n\n')
    const s = readArticle({ id: 't', text }).statements
    expect(s[0]!.speaker).not.toBe('Jane Roe')
    expect(s[2]!.speaker).toBe('Jane Roe')
  })
  it('GIVEN `the government` after another organisation spoke THEN it is the government, while `the agency` still stands for that organisation', () => {
    const text = [
      'T',
      '“The outbreak is under control,” a spokesman for the WHO said.',
      'The government has promised more money.',
      'The agency said it would send more staff.',
    ].join('\n\n')
    const s = readArticle({ id: 't', text }).statements
    expect(s[1]!.speaker).not.toBe('WHO')
    expect(s[2]!.speaker).toBe('WHO')
  })
  it('GIVEN a role ending in an organisation written in capitals like a pronoun (the WHO) THEN the role keeps it', () => {
    const text = 'T\n\n“The outbreak is under control,” said Tarik Jasarevic, a spokesman for the WHO.\n'
    const [s] = readArticle({ id: 't', text }).statements
    expect([s!.speaker, s!.role]).toEqual(['Tarik Jasarevic', 'spokesman for the WHO'])
  })
  it('GIVEN `wrote for` a publication THEN it is narration, while `wrote that` is still reported speech', () => {
    const text = 'T\n\nMira Kovac wrote for a small weekly paper before she joined the bank.\n\nMira Kovac wrote that the plan had failed.\n'
    const s = readArticle({ id: 't', text }).statements
    expect(s.map((x) => [x.kind, x.speaker])).toEqual([
      ['narration', 'the article'],
      ['reported', 'Mira Kovac'],
    ])
  })
  it('GIVEN a name in apposition between a description and the verb THEN that name speaks, never another person with the same surname', () => {
    const text = [
      'T',
      'Lena Marsh, 19, was taken to hospital on Friday.',
      '“Nobody told us what she had taken,” her mother, Carol, said on Sunday.',
      '“We only found the box later.”',
      'The harbour stayed shut all week, his brother, Tomas Reyes, said.',
      'Carol Marsh asked parents to check what their children buy.',
    ].join('\n\n')
    const s = readArticle({ id: 't', text }).statements
    expect(s.slice(0, 4).map((x) => [x.kind, x.speaker])).toEqual([
      ['narration', 'the article'],
      ['direct', 'Carol Marsh'],
      ['direct', 'Carol Marsh'],
      ['reported', 'Tomas Reyes'],
    ])
    expect(s[1]!.role).toBe('her mother')
  })
  it('GIVEN a speaker first described (`The father of a boy who …`) and later named with that description THEN the description’s statements are the named person’s', () => {
    const text = (later: string) =>
      [
        'T',
        'The father of a boy who fell from the pier has described how the rail “just gave way” under him.',
        'Tim Oduya, 8, broke his arm.',
        `“The rail was rotten,” ${later} said.`,
      ].join('\n\n')
    const same = readArticle({ id: 't', text: text('his father, Ken Oduya,') }).statements
    expect(same.map((x) => [x.kind, x.speaker])).toEqual([
      ['reported', 'Ken Oduya'],
      ['narration', 'the article'],
      ['direct', 'Ken Oduya'],
    ])
    // `another father` is someone else: the first description stays unnamed.
    const other = readArticle({ id: 't', text: text('another father, Sam Lee,') }).statements
    expect(other.map((x) => [x.kind, x.speaker])).toEqual([
      ['reported', 'Father of a boy who fell from the pier'],
      ['narration', 'the article'],
      ['direct', 'Sam Lee'],
    ])
  })
  it('GIVEN a speech verb inside a that-clause THEN the clause’s subject speaks, not the one who learned it', () => {
    const text = 'T\n\nLater, Dana Kerr learned that several neighbours, old and young, told police they had heard nothing.\n'
    const s = readArticle({ id: 't', text }).statements
    expect(s[0]).toMatchObject({ kind: 'reported', speaker: 'Several neighbours' })
  })

  it('GIVEN a speech verb joined by `and` to an earlier verb THEN the subject of both speaks, past a leading phrase without a comma', () => {
    const text = 'T\n\nOn a local forum an anonymous reader shared the map and wrote that the bridge “was never safe.”\n\nThe mayor visited the bridge and said the road would reopen.\n'
    const s = readArticle({ id: 't', text }).statements
    expect(s.map((x) => [x.kind, x.speaker])).toEqual([
      ['reported', 'An anonymous reader'],
      ['reported', 'Mayor'],
    ])
  })
  it('GIVEN a clause joined by `, and` with its own pronoun and speech verb THEN that clause cues the sentence; a list of names does not split', () => {
    const joined = readArticle({ id: 't', text: 'T\n\nJo Pike, a baker, opened a shop.\n\nSince then Pike has been busy with orders, and she said she plans to hire two people.\n' }).statements
    expect(joined[1]).toMatchObject({ kind: 'reported', speaker: 'Jo Pike' })
    const list = readArticle({ id: 't', text: 'T\n\nAnn Lee, Bo Chan, and Cy Dorr said the vote was fair.\n' }).statements
    expect(list[0]!.speaker).toBe('Ann Lee')
  })
  it('GIVEN a full name followed by where the person works (`from the harbour police`) THEN the person speaks, with the workplace as role', () => {
    const s = readArticle({ id: 't', text: 'T\n\n“The road is closed,” said deputy chief Rosa Lind from the harbour police.\n' }).statements
    expect(s[0]).toMatchObject({ kind: 'direct', speaker: 'Rosa Lind', role: 'harbour police' })
  })
  it('GIVEN someone who issued a plea or appealed to people THEN it is reported speech, as a plea is said', () => {
    const text = 'T\n\nOla Brandt issued a plea for drivers to slow down near the school.\n\nThe council appealed to residents to stay calm.\n'
    const s = readArticle({ id: 't', text }).statements
    expect(s.map((x) => [x.kind, x.speaker])).toEqual([
      ['reported', 'Ola Brandt'],
      ['reported', 'Council'],
    ])
  })
  it('GIVEN a speech verb joined by `and` after a bare speaker noun THEN that noun speaks, but a joined verb with only a topic (`complained about`) is no cue', () => {
    const text = 'T\n\nPolice stopped a van that had no plates and said the driver would be charged.\n\nFarmers blocked the road for a week and complained about prices for years.\n'
    const s = readArticle({ id: 't', text }).statements
    expect(s.map((x) => [x.kind, x.speaker])).toEqual([
      ['reported', 'Police'],
      ['narration', 'the article'],
    ])
  })

  it('GIVEN a subject with a relative clause closed by its comma (`, which …,`) THEN the subject speaks, and the clause is not its role', () => {
    const text = 'T\n\nNordvik Shipping International, which runs ferries on the coast, said fares would rise.\n'
    const s = readArticle({ id: 't', text }).statements
    expect(s[0]).toMatchObject({ kind: 'reported', speaker: 'Nordvik Shipping International', role: null })
  })
  it('GIVEN a clause joined by `, and` whose subject is a description THEN that description speaks, without the conjunction in its name', () => {
    const text = 'T\n\nSales dropped sharply, and the company said it would cut jobs.\n\nShe studied law, and her sister said she was brilliant.\n'
    const s = readArticle({ id: 't', text }).statements
    expect(s.map((x) => [x.kind, x.speaker])).toEqual([
      ['reported', 'Company'],
      ['reported', 'Her sister'],
    ])
  })

  it('GIVEN an unnamed person and then `the mother` THEN the mother is not taken for that person, while `the sister` still is', () => {
    const text = (later: string) => `T\n\nHer sister said the boy was kind.\n\n${later} said he had left early.\n`
    expect(readArticle({ id: 't', text: text('The mother') }).statements[1]!.speaker).toBe('Mother')
    expect(readArticle({ id: 't', text: text('The sister') }).statements[1]!.speaker).toBe('Her sister')
  })
  it('GIVEN a named subject whose appositive runs into a relative clause THEN the role stops before `who`', () => {
    const text = 'T\n\nTeo Marsh, a 40-year-old farmer who sold his land, was fined.\n\nHe said the fine was unfair.\n'
    const article = readArticle({ id: 't', text })
    expect(article.statements[1]).toMatchObject({ speaker: 'Teo Marsh', role: '40-year-old farmer' })
  })
})
