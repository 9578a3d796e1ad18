import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { AppEnv } from './env';
import { database } from './middleware/database';
import { notFound, onError } from './middleware/errors';
import { health } from './routes/health';

export const app = new Hono<AppEnv>();

app.use(requestId());
app.use(database);

app.route('/', health);

app.notFound(notFound);
app.onError(onError);
