// The Worker's routes, as a table of contents. Public: widget, config, ingest, hosted pages.
// Dashboard API under /api/v1 (session or token). Everything else: static assets (dashboard, demo).
import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { authenticate } from './auth/middleware';
import type { AppEnv } from './env';
import { errorResponse } from './errors';
import { securityHeaders } from './security-headers';
import { accountRoutes } from './routes/account-routes';
import { analyticsRoutes } from './routes/analytics-routes';
import { partnerRoutes } from './routes/partner-routes';
import { authRoutes } from './routes/auth-routes';
import { configRoute } from './routes/config-route';
import { hostedPages } from './routes/hosted-page';
import { staffPages } from './routes/staff-page';
import { importRoutes } from './routes/import-route';
import { ingestRoute } from './routes/ingest-route';
import { invitesRoutes } from './routes/invites-routes';
import { journeyLinkApi, journeyLinkRoute } from './routes/journey-link-routes';
import { journeyRoutes } from './routes/journey-routes';
import { journeyTypeRoutes } from './routes/journey-type-routes';
import { membersRoutes } from './routes/members-routes';
import { passwordResetRoutes } from './routes/password-reset-routes';
import { qrRoutes } from './routes/qr-route';
import { pulseRoutes } from './routes/pulse-routes';
import { responsesRoutes } from './routes/responses-routes';
import { sitesRoutes } from './routes/sites-routes';
import { storageRoutes } from './routes/storage-routes';
import { commentThemesRoute } from './routes/comment-themes-route';
import { actionRoutes } from './routes/action-routes';
import { alertRoutes } from './routes/alert-routes';
import { shareRoutes } from './routes/share-routes';
import { tokensRoutes } from './routes/tokens-routes';
import { trafficRoutes } from './routes/traffic-routes';
import { widgetAssets } from './routes/widget-assets';

const api = new OpenAPIHono<AppEnv>();
const apiRoutes = api
  .route('/', authRoutes)
  .route('/', accountRoutes)
  .route('/', passwordResetRoutes)
  .use('/sites/*', authenticate)
  .use('/sites', authenticate)
  .route('/', sitesRoutes)
  .route('/', journeyRoutes)
  .route('/', journeyTypeRoutes)
  .route('/', journeyLinkApi)
  .route('/', analyticsRoutes)
  .route('/', partnerRoutes)
  .route('/', importRoutes)
  .route('/', trafficRoutes)
  .route('/', storageRoutes)
  .route('/', qrRoutes)
  .route('/', responsesRoutes)
  .route('/', membersRoutes)
  .route('/', invitesRoutes)
  .route('/', tokensRoutes)
  .route('/', alertRoutes)
  .route('/', actionRoutes)
  .route('/', commentThemesRoute)
  .route('/', shareRoutes)
  .route('/', pulseRoutes);

api.doc31('/openapi.json', {
  openapi: '3.1.0',
  servers: [{ url: '/api/v1' }],
  info: {
    title: 'Throughline API',
    version: '1.0.0',
    description: 'Dashboard API of Throughline. Errors: {"error": {"code", "message", "details"}}.',
  },
});

export const app = new Hono<AppEnv>()
  .use('*', securityHeaders)
  .route('/', widgetAssets)
  .route('/v1', configRoute)
  .route('/v1', ingestRoute)
  .route('/v1', journeyLinkRoute)
  .route('/t', hostedPages)
  .route('/e', staffPages)
  .route('/api/v1', api)
  .get('/api/v1', (c) => c.json({ name: 'Throughline API', version: 1, openapi: '/api/v1/openapi.json' }))
  .get('/api/openapi.json', (c) => c.redirect('/api/v1/openapi.json'))
  .all('/api/*', (c) => c.json({ error: { code: 'not_found', message: 'no such API route' } }, 404))
  .all('/v1/*', (c) => c.json({ error: { code: 'not_found', message: 'no such route' } }, 404))
  .notFound((c) => c.env.ASSETS.fetch(c.req.raw))
  .onError(errorResponse);

export type AppType = typeof apiRoutes;
