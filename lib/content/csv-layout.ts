// The column layout of export.csv, which import reads back into the same items
// (content/README.md, "CSV and TSV"). One row per item. `prompt` and `answer`
// keep the two columns a plain Anki or Quizlet paste has; every other field of
// an item has a column of its own, so a spreadsheet can edit it. A cell that
// holds a list (typed answers, ordering steps, example answers) has one entry
// per line. Multiple choice has a column pair per option, and `answer` names
// the right option by its text (options are distinct, so that is unambiguous).
import { MCQ_MAX_OPTIONS } from './item-form';
import type { Item } from './schema';

const optionColumns = Array.from({ length: MCQ_MAX_OPTIONS }, (_, i) => [`option ${i + 1}`, `option ${i + 1} explanation`] as const).flat();

export const CSV_COLUMNS = [
  'id',
  'type',
  'section',
  'section title',
  'skill',
  'tags',
  'prompt',
  'answer',
  'explanation',
  'quote',
  'paragraph',
  ...optionColumns,
  'accept examples',
  'reject examples',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvCells = Partial<Record<CsvColumn, string>>;

export const optionColumn = (i: number) => `option ${i + 1}` as CsvColumn;
export const optionExplanationColumn = (i: number) => `option ${i + 1} explanation` as CsvColumn;

/** Entries of a list cell: one per line, blank lines dropped. */
export function listCell(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(/\r\n|\r|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What an item's `prompt` cell holds: the text a student reads first. Also the key for "already in the deck". */
export function itemPrompt(item: Item): string {
  switch (item.type) {
    case 'basic':
      return item.front;
    case 'cloze':
      return item.text;
    case 'mcq':
    case 'typed':
      return item.question;
    case 'truefalse':
      return item.statement;
    case 'ordering':
      return item.prompt;
  }
}

function answerCell(item: Item): string {
  switch (item.type) {
    case 'basic':
      return item.back;
    case 'cloze':
      return ''; // the blanks are in the text
    case 'mcq':
      return item.options.find((o) => o.correct)?.text ?? '';
    case 'truefalse':
      return item.answer ? 'true' : 'false';
    case 'typed':
      return item.answers.join('\n');
    case 'ordering':
      return item.steps.join('\n');
  }
}

export function itemToCsvCells(item: Item, sectionTitle: string): CsvCells {
  const cells: CsvCells = {
    id: item.id,
    type: item.type,
    section: item.section,
    'section title': sectionTitle,
    skill: item.skill,
    tags: item.tags.join(' '),
    prompt: itemPrompt(item),
    answer: answerCell(item),
    explanation: item.explanation ?? '',
    quote: item.evidence.quote ?? '',
    paragraph: item.evidence.paragraph ?? '',
  };
  if (item.type === 'mcq') {
    item.options.forEach((o, i) => {
      cells[optionColumn(i)] = o.text;
      cells[optionExplanationColumn(i)] = o.explanation;
    });
  }
  if (item.type === 'typed' && item.examples) {
    cells['accept examples'] = (item.examples.accept ?? []).join('\n');
    cells['reject examples'] = (item.examples.reject ?? []).join('\n');
  }
  return cells;
}

/**
 * The item a row describes, as raw data for ItemSchema (which reports what is wrong with it).
 * `front`/`back` are the prompt and answer cells; `type` is already known to be one of ITEM_TYPES.
 */
export function csvCellsToCandidate(type: Item['type'], front: string, back: string, cells: CsvCells): Record<string, unknown> {
  const explanation = cells.explanation?.trim() ? { explanation: cells.explanation.trim() } : {};
  switch (type) {
    case 'basic':
      return { type, front, back, ...explanation };
    case 'cloze':
      return { type, text: front, ...explanation };
    case 'mcq': {
      const options = Array.from({ length: MCQ_MAX_OPTIONS }, (_, i) => ({
        text: (cells[optionColumn(i)] ?? '').trim(),
        explanation: (cells[optionExplanationColumn(i)] ?? '').trim(),
      }))
        .filter((o) => o.text || o.explanation)
        .map((o) => ({ text: o.text, correct: o.text !== '' && o.text.toLowerCase() === back.toLowerCase(), explanation: o.explanation }));
      return { type, question: front, options, ...explanation };
    }
    case 'truefalse': {
      const word = back.toLowerCase();
      const answer = word === 'true' ? true : word === 'false' ? false : back;
      return { type, statement: front, answer, ...explanation };
    }
    case 'typed': {
      const accept = listCell(cells['accept examples']);
      const reject = listCell(cells['reject examples']);
      const examples = accept.length || reject.length ? { examples: { ...(accept.length ? { accept } : {}), ...(reject.length ? { reject } : {}) } } : {};
      return { type, question: front, answers: listCell(back), ...examples, ...explanation };
    }
    case 'ordering':
      return { type, prompt: front, steps: listCell(back), ...explanation };
  }
}
