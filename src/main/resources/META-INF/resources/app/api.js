// The screens' one way to the server: the same REST API integrators call (docs/api: /q/swagger-ui).
// JSON in and out, the session cookie carried by the browser, problem+json turned into an ApiError whose message is
// the problem's title and detail, and a 401 (signed out, session expired) sends the person to the sign-in page.

/** A refused call: status, and the RFC 9457 problem the server answered (title, detail, and any other members). */
export class ApiError extends Error {
  constructor(status, problem) {
    const title = problem.title || `HTTP ${status}`;
    super(problem.detail ? `${title}: ${problem.detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** Sends the person to sign in, then back to the page they were on. */
export function toLogin() {
  const here = location.pathname + location.search;
  location.assign('/login' + (here && here !== '/' ? '?next=' + encodeURIComponent(here) : ''));
}

/**
 * Calls the API. body: an object (sent as JSON), or FormData / Blob / string (sent as is, e.g. a spreadsheet).
 * Resolves to the parsed JSON (or text), null for 204; rejects with ApiError.
 */
export async function api(path, { method = 'GET', body, headers = {}, signal } = {}) {
  // X-Requested-With tells the server a screen calls: its 401 then carries no Basic challenge, so the browser shows
  // our sign-in page instead of its own password dialog (integrators' calls still get WWW-Authenticate: Basic).
  const init = {
    method, signal, credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest', ...headers },
  };
  if (body !== undefined) {
    if (body instanceof FormData || body instanceof Blob || typeof body === 'string') {
      init.body = body;
    } else {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'The server cannot be reached', detail: 'check the connection and try again' });
  }
  const type = res.headers.get('Content-Type') || '';
  const data = res.status === 204 ? null : type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (res.status === 401) {
    toLogin();
    throw new ApiError(401, data && typeof data === 'object' ? data : { title: 'Signed out' });
  }
  if (!res.ok) {
    const problem = data && typeof data === 'object' ? data
      : { title: res.statusText || `HTTP ${res.status}`, detail: typeof data === 'string' ? data.slice(0, 300) : '' };
    throw new ApiError(res.status, problem);
  }
  return data;
}

export const get = (path, opts) => api(path, { ...opts, method: 'GET' });
export const post = (path, body, opts) => api(path, { ...opts, method: 'POST', body });
export const put = (path, body, opts) => api(path, { ...opts, method: 'PUT', body });
export const del = (path, opts) => api(path, { ...opts, method: 'DELETE' });

/** Encodes one path segment (a customer id, an offer id). */
export const seg = (value) => encodeURIComponent(value);

let whoAmI;
/** The signed-in caller ({name, roles}), asked once per page; a signed-out person is sent to sign in. */
export function me() {
  whoAmI ??= get('/api/me');
  return whoAmI;
}
