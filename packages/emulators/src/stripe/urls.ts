const trim = (url: string) => url.replace(/\/+$/, "");

/** Stands in for `https://checkout.stripe.com/c/pay/<id>`. */
export const checkoutPageUrl = (baseUrl: string, sessionId: string) => `${trim(baseUrl)}/c/pay/${sessionId}`;

/** Stands in for `https://billing.stripe.com/p/session/<id>`. */
export const portalPageUrl = (baseUrl: string, sessionId: string) => `${trim(baseUrl)}/p/session/${sessionId}`;

export const controlBaseUrl = (baseUrl: string) => `${trim(baseUrl)}/_control`;
