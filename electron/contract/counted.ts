// "1 highlight", "2,500 highlights": every count the window and the services say, in one form.
export const counted = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
