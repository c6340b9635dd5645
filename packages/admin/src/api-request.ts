/**
 * How the console talks to the admin API, apart from what it asks (`AdminApi` in `api.ts`): a
 * JSON call with the session's CSRF token on state changes, a file upload that reports progress,
 * query strings, and {@link ApiError} for every answer that is not a success.
 */

/** What the API answered instead of success. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfter?: number,
    /** Field errors of a 422 (`path` names the field). */
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/**
 * One JSON call to `url` (same origin, session cookie). `csrf` goes with every method but GET;
 * a 204 answers undefined; anything not ok is thrown as {@link ApiError} with the problem's `code`.
 */
export async function callApi<T = void>(url: string, method: string, csrf: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-parley-csrf'] = csrf;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const retry = Number(res.headers.get('retry-after'));
    throw new ApiError(
      res.status,
      String(data.code ?? 'error'),
      String(data.detail ?? data.title ?? res.statusText),
      Number.isFinite(retry) && retry > 0 ? retry : undefined,
      Array.isArray(data.errors) ? (data.errors as { path: string; message: string }[]) : [],
    );
  }
  return data as T;
}

/**
 * POSTs `file` to `url` as `application/octet-stream`, reporting upload progress as a fraction;
 * answers the parsed JSON of a 200. XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function uploadFile<T>(url: string, csrf: string, file: Blob, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('x-parley-csrf', csrf);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.onload = () => {
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        // an empty or non-JSON answer is reported by its status below
      }
      if (xhr.status === 200) resolve(data as T);
      else
        reject(
          new ApiError(
            xhr.status,
            String(data.code ?? 'error'),
            String(data.detail ?? xhr.statusText),
            undefined,
            Array.isArray(data.errors) ? (data.errors as { path: string; message: string }[]) : [],
          ),
        );
    };
    xhr.send(file);
  });
}

/** A query string of the given fields (`?a=1&b=2`), leaving out empty ones; '' when none is left. */
export function qs(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}
