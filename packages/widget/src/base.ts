import { ParleyApi } from './api.js';
import { ParleyConfigured } from './base-config.js';

/**
 * What every Parley element that talks to the API shares: where the server is, which site and
 * page it speaks for (see {@link ParleyConfigured}), and a client for that server.
 */
export class ParleyElement extends ParleyConfigured {
  protected get client(): ParleyApi {
    return new ParleyApi(this.apiBase);
  }
}
