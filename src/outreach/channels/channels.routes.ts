// HTTP routes of channels (admin): their list, one channel for its form (settings without their
// secrets: they go in and never come out), the kinds with their settings' JSON Schemas, and a save.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, authorize, principalOf, requireAuth } from '../../platform/http/auth-plugin.js';
import { canManageChannels, canSeeChannels } from '../policy.js';
import { errors, IdParams, type OutreachRouteDeps } from '../routes-common.js';
import { channelKinds } from './channel-kinds.js';
import { ChannelInput, channelForSending, listChannels, saveChannel } from './channel-store.js';
import {
  ChannelDetail,
  ChannelKindView,
  ChannelView,
  presentChannelDetail,
  presentSavedChannel,
  SavedChannel,
} from './views.js';

export function registerChannelRoutes(app: FastifyInstance, deps: OutreachRouteDeps): void {
  const { db, config } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/outreach/channels',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Channels (never their settings)',
        response: { 200: z.object({ items: z.array(ChannelView) }), ...errors },
      },
    },
    async (request) => {
      authorize(canSeeChannels(principalOf(requireAuth(request))));
      return { items: await listChannels(db) };
    },
  );

  r.get(
    '/api/outreach/channels/:id',
    {
      schema: {
        tags: ['outreach'],
        summary:
          'One channel for its admin form: settings without their secrets, and the webhook address to give the provider',
        params: IdParams,
        response: { 200: ChannelDetail, ...errors },
      },
    },
    async (request) => {
      authorize(canManageChannels(principalOf(requireAuth(request))));
      const channel = await channelForSending(db, config, request.params.id);
      return presentChannelDetail(channel, config.publicUrl);
    },
  );

  r.get(
    '/api/outreach/channel-kinds',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Channel kinds with the JSON Schema of their settings (secrets are writeOnly)',
        response: { 200: z.object({ items: z.array(ChannelKindView) }), ...errors },
      },
    },
    async (request) => {
      authorize(canSeeChannels(principalOf(requireAuth(request))));
      return { items: channelKinds() };
    },
  );

  r.post(
    '/api/outreach/channels',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Creates or updates a channel (by name); credentials are stored encrypted',
        body: ChannelInput,
        response: { 200: SavedChannel, ...errors },
      },
    },
    async (request) => {
      authorize(canManageChannels(principalOf(requireAuth(request))));
      return presentSavedChannel(await saveChannel(db, config, actorOf(request), request.body));
    },
  );
}
