// Which links the app will store and open. Plain functions, so the renderer can use them without zod.

/** A link the app will store and offer to open: http(s) only. */
export const isWebLink = (url: string) => /^https?:\/\/[^\s]+$/i.test(url);

/** Where a published fact-check lives: a web link that still parses once {id} is filled in. */
export const isFactCheckAddress = (url: string) => isWebLink(url) && URL.canParse(url.replaceAll('{id}', 'x'));
