// The story the layout screens open (layout-window.tsx), and what the tests look for in it.
export const CLAIM = 'the city cut crime by 40 percent last year';
export const RENTS = 'rents doubled since 2020';
export const LONG_QUOTE =
  'We have spent eleven years telling this council that the budget cannot carry another tunnel, another stadium and another ring road at once, and every year the answer has been that the money will be found somewhere; this year the money was found in the libraries, in the bus routes that run after nine at night and in the grants that kept three youth centres open, and I will not vote for a budget that asks the people who use them to pay for decisions they were never asked about';
/** Said by no one the story names: the header counts it as unattributed. */
export const UNATTRIBUTED = 'Item 1 of the budget was read into the record without debate.';
/** How often the find bar's word is in the story. */
export const BUDGET_COUNT = 12;

const filler = Array.from({ length: BUDGET_COUNT - 3 }, (_, i) => `Item ${i + 1} of the budget was read into the record without debate.`).join(' ');

export const COUNCIL = `Council hears budget claims

Mayor Lina Park told the council on Monday that ${CLAIM}. Councillor Thomas Alexander Reed-Montgomery answered that ${RENTS}.

He went further. "${LONG_QUOTE}," he said.

${filler}
`;

export const LONG_TITLE = 'Harbour district regeneration plan — full minutes of the planning committee, second reading';
export const OTHER = 'The planning committee met on Tuesday. Nothing was decided.';
