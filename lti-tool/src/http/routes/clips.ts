/** Clips, the mentor's preparation built on them, and connecting the extension that makes them. */
import type { Handlers } from '../api.ts';
import { Answer } from '../api.ts';
import type { App } from '../../services/app.ts';
import * as clips from '../../services/clips.ts';
import { prepare } from '../../services/prepare.ts';
import * as pairing from '../../services/pairing.ts';
import { extensionDownloads } from '../../services/extension-packages.ts';
import { clientAddress } from '../../services/rate-limits.ts';

type ClipRoutes =
  | 'listClips'
  | 'clipTags'
  | 'createClip'
  | 'clipsOnPage'
  | 'getClip'
  | 'updateClip'
  | 'deleteClip'
  | 'reviewClip'
  | 'promptFromClip'
  | 'prepare'
  | 'createPairingCode'
  | 'exchangePairingCode'
  | 'listConnections'
  | 'renameConnection'
  | 'extensionDownloads'
  | 'revokeConnection';

export function clipHandlers(app: App): Pick<Handlers, ClipRoutes> {
  return {
    listClips: (p, { params, query }) => clips.listClips(app, p, params.id!, query),
    clipTags: async (p, { params }) => ({ tags: await clips.clipTags(app, p, params.id!) }),
    async createClip(p, { params, body }) {
      const { clip, created } = await clips.createClip(app, p, params.id!, body);
      // A repeated create answers the stored clip with 200 instead of 201.
      return created ? clip : new Answer(200, clip);
    },
    clipsOnPage: (p, { query }) => clips.clipsOnPage(app, p, query),
    getClip: (p, { params }) => clips.getClip(app, p, params.id!),
    updateClip: (p, { params, body }) => clips.updateClip(app, p, params.id!, body),
    deleteClip: (p, { params }) => clips.deleteClip(app, p, params.id!),
    reviewClip: (p, { params }) => clips.reviewClip(app, p, params.id!),
    promptFromClip: (p, { params, body }) => clips.promptFromClip(app, p, params.id!, body.question),
    prepare: (p, { params }) => prepare(app, p, params.id!),

    createPairingCode: (p) => pairing.createPairingCode(app, p),
    exchangePairingCode: ({ body, languages }, req) =>
      pairing.exchangePairingCode(app, body, clientAddress(req, app.config.trustProxyHops), languages),
    listConnections: (p) => pairing.listConnections(app, p),
    renameConnection: (p, { params, body }) => pairing.renameConnection(app, p, params.id!, body),
    extensionDownloads: () => Promise.resolve(extensionDownloads(app.config)),
    revokeConnection: (p, { params }) => pairing.revokeConnection(app, p, params.id!),
  };
}
