// Worker entry: one Hono app serves widget, ingest, dashboard API and dashboard.
import { app } from './app';

export default app;
