// A pure single-page app: PocketBase serves index.html for every screen.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
