/**
 * Creates a client account: `npm run client:create -- --business "Plomberie Tremblay"
 * --email owner@example.ca --language fr`. Prints the new client as JSON, with its widget
 * key and a one-time password that must be changed at first sign-in.
 */
import { parseArgs } from 'node:util';
import { createClient, type NewClientFields, parseNewClient } from '../worker/features/accounts';
import { AppError } from '../worker/platform/errors';
import { openCliDatabase } from './lib/cli-database';
import { loadConfig } from './lib/config';

const USAGE = `usage: npm run client:create -- --business NAME --email EMAIL [--language en|fr]
       [--tone Professional|Friendly|Formal|Energetic] [--booking-link URL] [--industry NAME]
       [--origin https://site.example]... [--test] [--internal]`;

const parseOptions = () =>
  parseArgs({
    options: {
      business: { type: 'string' },
      email: { type: 'string' },
      language: { type: 'string' },
      tone: { type: 'string' },
      'booking-link': { type: 'string' },
      industry: { type: 'string' },
      origin: { type: 'string', multiple: true },
      test: { type: 'boolean' },
      internal: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }).values;

async function main(): Promise<number> {
  let args: ReturnType<typeof parseOptions>;
  try {
    args = parseOptions();
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (!args.business || !args.email) {
    console.error(`error: --business and --email are required\n${USAGE}`);
    return 2;
  }

  let fields: NewClientFields;
  try {
    fields = parseNewClient({
      businessName: args.business,
      email: args.email,
      language: args.language,
      emailTone: args.tone,
      bookingLink: args['booking-link'],
      industry: args.industry,
      allowedOrigins: args.origin,
      isTest: args.test,
      isInternal: args.internal,
    });
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`error: ${error.message}`);
      return 2;
    }
    throw error;
  }

  const connection = await openCliDatabase(loadConfig());
  try {
    const { client, oneTimePassword } = await createClient(connection.access, fields);
    const output = {
      id: client.id,
      client_id: client.clientId,
      business_name: client.businessName,
      email: client.email,
      language: client.language,
      api_key: client.apiKey,
      one_time_password: oneTimePassword,
    };
    console.log(JSON.stringify(output, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await connection.close();
  }
}

process.exitCode = await main();
