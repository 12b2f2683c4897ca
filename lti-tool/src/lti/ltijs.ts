/**
 * The tool's view of ltijs: the Provider methods it calls and the platform records it reads (ltijs
 * ships no types). Services depend on this, never on the launch wiring in `provider.ts`.
 */
import type { Request, Response, Express } from 'express';
import ltijs from 'ltijs';
import type { LtiLaunchToken } from './claims.ts';

export interface LtiPlatform {
  platformUrl(): Promise<string>;
  platformClientId(): Promise<string>;
  platformName(): Promise<string>;
  platformActive(active?: boolean): Promise<boolean>;
  platformKid(): Promise<string>;
  platformAuthEndpoint(): Promise<string>;
}

/** The parts of ltijs's Provider the tool uses (ltijs ships no types). */
export interface LtiProvider {
  app: Express;
  setup(key: string, db: { plugin: unknown }, options: Record<string, unknown>): LtiProvider;
  deploy(options: { serverless: boolean; silent: boolean }): Promise<true>;
  close(options?: { silent: boolean }): Promise<true>;
  onConnect(cb: (token: LtiLaunchToken, req: Request, res: Response) => unknown): void;
  onDeepLinking(cb: (token: LtiLaunchToken, req: Request, res: Response) => unknown): void;
  onInvalidToken(cb: (req: Request, res: Response) => unknown): void;
  onSessionTimeout(cb: (req: Request, res: Response) => unknown): void;
  onUnregisteredPlatform(cb: (req: Request, res: Response) => unknown): void;
  onInactivePlatform(cb: (req: Request, res: Response) => unknown): void;
  getPlatform(url: string, clientId?: string): Promise<unknown>;
  onDynamicRegistration(cb: (req: Request, res: Response) => unknown): void;
  registerPlatform(p: Record<string, unknown>): Promise<LtiPlatform>;
  getAllPlatforms(): Promise<LtiPlatform[]>;
  deletePlatform(url: string, clientId: string): Promise<boolean>;
  NamesAndRoles: { getMembers(idtoken: unknown, options?: Record<string, unknown>): Promise<unknown> };
  Grade: {
    getLineItems(idtoken: unknown, options?: Record<string, unknown>): Promise<unknown>;
    createLineItem(idtoken: unknown, lineItem: Record<string, unknown>): Promise<{ id: string }>;
    submitScore(idtoken: unknown, lineItemId: string, score: Record<string, unknown>): Promise<unknown>;
  };
  DeepLinking: {
    createDeepLinkingMessage(idtoken: unknown, items: unknown[], options?: Record<string, unknown>): Promise<string>;
  };
}

/** ltijs exports one shared Provider; each tool server (and test) gets its own instance. */
export function newProvider(): LtiProvider {
  const shared = (ltijs as unknown as { Provider: object }).Provider;
  const ProviderClass = shared.constructor as new () => LtiProvider;
  return new ProviderClass();
}
