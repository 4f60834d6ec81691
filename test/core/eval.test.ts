import { describe, expect, it } from 'vitest'
import { evaluate, readEntries } from '../../scripts/eval.js'

/**
 * The figures `npm run eval` prints, held at or above where they stand. The
 * golden set (test/fixtures/golden.json) was written by someone else; the
 * calibration set (test/fixtures/calibration.json) is the one the refusal
 * threshold was tuned on; the held-out set (test/fixtures/golden-heldout.json)
 * was written blind over articles nobody tuned on. Raise these floors as
 * answering improves; never lower one to let a change through. One was
 * traded on purpose: golden refusals went from 90% to 85% (21 of 24) when a
 * word no article uses stopped sinking paraphrased questions, which took
 * held-out hit@3 from 25% to 37%; it is back at 90% since a notion the
 * synonym list knows weighs in full when absent. golden-heldout2.json and
 * golden-heldout3.json were each written blind and run once before anyone
 * changed code for them (hit@3 56.5% and 38.9%); their misses have since been
 * read to make rules, so they now have floors like the others, and a new
 * blind set is what would measure unseen text.
 */
describe('npm run eval', () => {
  const golden = evaluate(readEntries('golden'))
  const calibration = evaluate(readEntries('calibration'))
  const together = evaluate(readEntries('golden'), 'all')

  it('GIVEN the golden questions THEN at least 95% find an expected statement with the right speaker in the top 3', () => {
    expect(golden.hitAt3 / golden.answerable).toBeGreaterThanOrEqual(0.95)
  })

  it('GIVEN the golden questions THEN the top quote is expected and rightly attributed at least 84% of the time', () => {
    expect(golden.top1 / golden.answerable).toBeGreaterThanOrEqual(0.84)
  })

  it('GIVEN the golden unanswerable questions THEN at least 90% are refused', () => {
    expect(golden.refusals / golden.unanswerable).toBeGreaterThanOrEqual(0.9)
  })

  it('GIVEN questions written blind over held-out articles THEN at least 76% hit@3 and 90% refusals, and every quote verbatim', () => {
    const heldOut = evaluate(readEntries('golden-heldout'))
    expect(heldOut.hitAt3 / heldOut.answerable).toBeGreaterThanOrEqual(0.76)
    expect(heldOut.refusals / heldOut.unanswerable).toBeGreaterThanOrEqual(0.9)
    expect(heldOut.unfaithful).toBe(0)
  })

  it('GIVEN any set THEN no quote is other than the article’s own text', () => {
    expect(golden.unfaithful).toBe(0)
    expect(calibration.unfaithful).toBe(0)
    expect(together.unfaithful).toBe(0)
  })

  it('GIVEN the golden disagreements THEN every one is flagged, and at most one is flagged where sources agree', () => {
    expect(golden.disagreementsFound).toBe(golden.disagreementsExpected)
    expect(golden.disagreementsSpurious).toBeLessThanOrEqual(1)
  })

  it('GIVEN the calibration questions THEN at least 93% hit@3 and 87% refusals', () => {
    expect(calibration.hitAt3 / calibration.answerable).toBeGreaterThanOrEqual(0.93)
    expect(calibration.refusals / calibration.unanswerable).toBeGreaterThanOrEqual(0.87)
  })

  it('GIVEN every article loaded at once THEN answers still come from the right article nearly as often', () => {
    expect(together.hitAt3 / together.answerable).toBeGreaterThanOrEqual(0.87)
    expect(together.refusals / together.unanswerable).toBeGreaterThanOrEqual(0.83)
  })

  it.each([
    ['golden-heldout2', 0.78, 1],
    ['golden-heldout3', 0.69, 0.77],
  ] as const)('GIVEN the once-blind set %s THEN hit@3 and refusals stay at or above where they stand (%d, %d), every quote verbatim', (set, hits, refusals) => {
    const figures = evaluate(readEntries(set))
    expect(figures.hitAt3 / figures.answerable).toBeGreaterThanOrEqual(hits)
    expect(figures.refusals / figures.unanswerable).toBeGreaterThanOrEqual(refusals)
    expect(figures.unfaithful).toBe(0)
  })
})
