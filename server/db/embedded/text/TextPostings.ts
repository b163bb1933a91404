import { passesDocumentChecks } from './matcher.js';
import type { TextQuery } from './query.js';
import { termsOf } from './scoring.js';
import type { TextIndexSpec } from './spec.js';
import { englishStopWords } from './stopWords.js';
import { indexingOptions, tokenize } from './tokenizer.js';

type StoredDocument = Record<string, unknown>;

// A negated term equal to the stem of a stop word ("-hims" stems to "him") can sit in a document as that stop
// word, which the index leaves out but MongoDB's matcher still sees: only the document can exclude it.
const stopWordStems = new Set(
  [...englishStopWords()].flatMap((word) => tokenize(word, 'english', { ...indexingOptions, filterStopWords: false })),
);

/** The documents holding one term, in parallel arrays: a third of the memory of a Map per term. */
interface PostingList<Id> {
  ids: Id[];
  scores: number[];
}

/**
 * The inverted index of one text index: term -> (document id, score) pairs. `$text` queries read only the
 * postings of their terms, so they never scan the collection. Ids are compared with ===, so use primitives
 * (e.g. the hex string of an ObjectId or an internal record number). An update is remove(old) + add(new):
 * adding an id twice without removing it counts its terms twice.
 */
export class TextPostings<Id> {
  private readonly postings = new Map<string, PostingList<Id>>();

  constructor(readonly spec: TextIndexSpec) {}

  /** Indexes `doc`; throws a TextSearchError (and indexes nothing) for an unsupported language override. */
  add(id: Id, doc: StoredDocument): void {
    for (const [term, score] of termsOf(doc, this.spec)) {
      let list = this.postings.get(term);
      if (!list) {
        list = { ids: [], scores: [] };
        this.postings.set(term, list);
      }
      list.ids.push(id);
      list.scores.push(score);
    }
  }

  /**
   * Removes the entries of `doc`, which must be the document as it was when added. Order within a list does
   * not matter, so the last entry fills the hole; finding the entry is a linear search, which for the few
   * thousand documents of a common term costs microseconds.
   */
  remove(id: Id, doc: StoredDocument): void {
    for (const term of termsOf(doc, this.spec).keys()) {
      const list = this.postings.get(term);
      const position = list ? list.ids.indexOf(id) : -1;
      if (!list || position < 0) continue;
      const lastId = list.ids.pop() as Id;
      const lastScore = list.scores.pop() as number;
      if (position < list.ids.length) {
        list.ids[position] = lastId;
        list.scores[position] = lastScore;
      }
      if (list.ids.length === 0) this.postings.delete(term);
    }
  }

  /** Number of distinct terms indexed. */
  get termCount(): number {
    return this.postings.size;
  }

  /**
   * Ids of the documents holding at least one query term, with their textScore, minus those the index
   * proves hold a negated term. When documentCheckNeeded(query) is true these are only candidates.
   */
  candidates(query: TextQuery): Map<Id, number> {
    const scores = new Map<Id, number>();
    for (const term of query.boundsTerms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const { ids, scores: termScores } = list;
      for (let i = 0; i < ids.length; i += 1) scores.set(ids[i], (scores.get(ids[i]) ?? 0) + termScores[i]);
    }
    if (!isInsensitive(query)) return scores;
    for (const term of query.negatedTerms) {
      if (stopWordStems.has(term)) continue;
      for (const id of this.postings.get(term)?.ids ?? []) scores.delete(id);
    }
    return scores;
  }

  /** Whether candidates(query) must still be checked against the stored documents. */
  documentCheckNeeded(query: TextQuery): boolean {
    return (
      !isInsensitive(query) ||
      query.phrases.length > 0 ||
      query.negatedPhrases.length > 0 ||
      query.negatedTerms.some((term) => stopWordStems.has(term))
    );
  }

  /**
   * The matching documents' ids with their textScore (unordered). `load` returns a stored document by id;
   * it is called only for queries with phrases, case or diacritic sensitivity, or some negations.
   */
  search(query: TextQuery, load: (id: Id) => StoredDocument | undefined): Map<Id, number> {
    const found = this.candidates(query);
    if (!this.documentCheckNeeded(query)) return found;
    const checks = {
      positiveTerms: !isInsensitive(query),
      negatedTerms: isInsensitive(query) ? query.negatedTerms.filter((term) => stopWordStems.has(term)) : query.negatedTerms,
    };
    for (const id of found.keys()) {
      const doc = load(id);
      if (!doc || !passesDocumentChecks(doc, this.spec, query, checks)) found.delete(id);
    }
    return found;
  }
}

function isInsensitive(query: TextQuery): boolean {
  return !query.caseSensitive && !query.diacriticSensitive;
}
