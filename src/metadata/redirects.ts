// The redirect policy of the metadata clients (Node and web): one function, so both follow the same redirects.

/** A redirect is followed only within the configured origin: another origin could be anyone, and the request's
 *  headers and the answer stay with the host the user configured. */
export const redirectAllowed = (from: URL, to: URL): boolean => to.origin === from.origin;
