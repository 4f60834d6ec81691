/**
 * Word forms a suffix stemmer cannot join to their base: irregular verbs
 * (`fled` → `flee`, `broke` → `break`), irregular plurals (`children` →
 * `child`) and nouns whose stem changes (`explosion` → `explode`). Porter2
 * stems the base, so `fled`, `flees` and `fleeing` meet on one term at index
 * time and in questions alike.
 *
 * Left out on purpose: forms that are mostly another word in news (`wound`
 * the injury, `ground`, `bound`, `fed` the Federal Reserve, `hung`
 * parliament, `leaves` the verb, `bit`), pairs of different meaning
 * (`pressure`/`press`, `defence`/`defend`, `governor`/`government`), stop
 * words (`was`, `had`), forms the synonym list already joins (`shot`,
 * `dead`), and forms equal to their base (`hit`, `cost`, `put`).
 */

/** Base word → its irregular forms, written as people write them. */
const IRREGULAR: Readonly<Record<string, string>> = {
  arise: 'arose arisen', awake: 'awoke awoken', bear: 'borne', beat: 'beaten', become: 'became',
  begin: 'began begun', bend: 'bent', bet: 'betted', bite: 'bitten', bleed: 'bled', blow: 'blew blown',
  break: 'broke broken', breed: 'bred', bring: 'brought', build: 'built', burn: 'burnt', buy: 'bought', catch: 'caught',
  choose: 'chose chosen', cling: 'clung', come: 'came', creep: 'crept', deal: 'dealt', dig: 'dug', do: 'did done',
  draw: 'drew drawn', dream: 'dreamt', drink: 'drank drunk', drive: 'drove driven', eat: 'ate eaten', fall: 'fell fallen',
  feel: 'felt', fight: 'fought', find: 'found', flee: 'fled', fly: 'flew flown flight flights', forbid: 'forbade forbidden',
  forget: 'forgot forgotten', forgive: 'forgave forgiven', freeze: 'froze frozen', get: 'got gotten', give: 'gave given',
  go: 'went gone', grow: 'grew grown growth', hear: 'heard', hide: 'hid hidden', hold: 'held',
  keep: 'kept', kneel: 'knelt', know: 'knew known', lead: 'led', lean: 'leant', leap: 'leapt', learn: 'learnt',
  leave: 'left', lend: 'lent', lose: 'lost loss losses', make: 'made', mean: 'meant', meet: 'met', mislead: 'misled',
  overcome: 'overcame', overtake: 'overtook overtaken', overthrow: 'overthrew overthrown', pay: 'paid', prove: 'proven',
  rebuild: 'rebuilt', ride: 'rode ridden', ring: 'rang rung', rise: 'rose risen', run: 'ran', say: 'said', see: 'saw seen',
  seek: 'sought', sell: 'sold sale sales', send: 'sent', shake: 'shook shaken', shine: 'shone', show: 'shown',
  shrink: 'shrank shrunk', sing: 'sang sung', sink: 'sank sunk', sit: 'sat', sleep: 'slept', slide: 'slid', speak: 'spoke spoken speech speeches',
  speed: 'sped', spend: 'spent', spin: 'spun', spring: 'sprang sprung', stand: 'stood', steal: 'stole stolen', stick: 'stuck',
  sting: 'stung', strike: 'struck stricken', strive: 'strove striven', swear: 'swore sworn', sweep: 'swept', swim: 'swam swum',
  swing: 'swung', take: 'took taken', teach: 'taught', tear: 'tore torn', tell: 'told', think: 'thought', throw: 'threw thrown',
  undergo: 'underwent undergone', understand: 'understood', undertake: 'undertook undertaken', uphold: 'upheld',
  wake: 'woke woken', wear: 'wore worn', weep: 'wept', win: 'won', withdraw: 'withdrew withdrawn', withhold: 'withheld',
  write: 'wrote written',
  // Irregular plurals.
  child: 'children', man: 'men', woman: 'women', foot: 'feet', tooth: 'teeth', mouse: 'mice', goose: 'geese', life: 'lives',
  wife: 'wives', knife: 'knives', thief: 'thieves', half: 'halves', shelf: 'shelves', wolf: 'wolves',
  crisis: 'crises', criterion: 'criteria', phenomenon: 'phenomena',
  policeman: 'policemen', chairman: 'chairmen', spokesman: 'spokesmen', spokeswoman: 'spokeswomen', congressman: 'congressmen',
  businessman: 'businessmen', gunman: 'gunmen', fisherman: 'fishermen', serviceman: 'servicemen',
  // Nouns and agents whose stem is not the verb's.
  explode: 'explosion explosions explosive explosives', decide: 'decision decisions', collide: 'collision collisions',
  invade: 'invasion invasions invader invaders', divide: 'division divisions', include: 'inclusion', exclude: 'exclusion',
  conclude: 'conclusion conclusions', admit: 'admission admissions', permit: 'permission', submit: 'submission submissions',
  omit: 'omission', emit: 'emission emissions', describe: 'description descriptions', destroy: 'destruction',
  produce: 'production', reduce: 'reduction reductions', introduce: 'introduction', consume: 'consumption',
  assume: 'assumption', resume: 'resumption', persuade: 'persuasion', erode: 'erosion', corrode: 'corrosion corrosive',
  expand: 'expansion', extend: 'extension', suspend: 'suspension', respond: 'response responses',
  intend: 'intention intentions', apply: 'application applications',
  deny: 'denial denials', arrive: 'arrival', survive: 'survival survivor survivors', invest: 'investor investors',
  elect: 'elector electors', prosecute: 'prosecutor prosecutors', investigate: 'investigator investigators',
  operate: 'operator operators', negotiate: 'negotiator negotiators', legislate: 'legislator legislators',
  fail: 'failure failures', seize: 'seizure seizures', depart: 'departure', expose: 'exposure', live: 'alive',
  strong: 'strength', wide: 'width', deep: 'depth', high: 'height', weigh: 'weight', threaten: 'threat threats',
}

/** Irregular form → base word. */
export const LEMMAS: ReadonlyMap<string, string> = new Map(
  Object.entries(IRREGULAR).flatMap(([base, forms]) => forms.split(' ').map((form) => [form, base] as const)),
)
