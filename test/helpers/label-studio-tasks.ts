// Label Studio regions as its docs describe them (guide/export.md, "Label Studio JSON format of
// annotated tasks"): offsets in code points of data.text, the label in value.labels.
/** The code-point offset of `words` in `text`, as Label Studio (Python) counts it. */
export const codePointsBefore = (text: string, words: string) => [...text.slice(0, text.indexOf(words))].length;

/** A "labels" region over the first `words` of `text`; meta carries this app's fields. */
export const labelStudioRegion = (text: string, id: string, words: string, label: string, meta: Record<string, unknown> = {}) => ({
  id,
  type: 'labels',
  from_name: 'label',
  to_name: 'text',
  value: { start: codePointsBefore(text, words), end: codePointsBefore(text, words) + [...words].length, labels: [label] },
  meta,
});
