export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A small HTTP client over real sockets (fetch), with an optional bearer token. */
export class Http {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  as(token: string): Http {
    return new Http(this.baseUrl, token);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    init: { headers?: Record<string, string>; raw?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    let payload: string | undefined = init.raw;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }

  /** Logs in and returns the token answer. */
  async login(login: string, password = 'consultorio-demo') {
    const response = await this.post('/api/v1/auth/login', { login, password });
    if (response.status !== 200)
      throw new Error(`login ${login} failed: ${response.status} ${response.text}`);
    return response.body as {
      access_token: string;
      refresh_token: string;
      user: { id: string; role: string };
    };
  }

  /** A client authenticated as `login`. */
  async loggedIn(login: string, password?: string): Promise<Http> {
    return this.as((await this.login(login, password)).access_token);
  }
}

/** Asserts the RFC 9457 shape and returns the body. */
export function expectProblem(response: ApiResponse, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body).toMatchObject({
    status,
    type: expect.stringMatching(/^urn:consultorio:problem:/),
    title: expect.any(String),
  });
  expect(response.text).not.toMatch(/\bat .+\.(js|ts):\d+/);
  return response.body as {
    type: string;
    errors?: { field: string; code: string; message: string }[];
    detail?: string;
  };
}
