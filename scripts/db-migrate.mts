/** `npm run db:migrate`: applies pending migrations to DATABASE_PATH (default data/app.db). */
import { applyMigrations, databasePath, openDatabase } from '../db/connection';

const db = openDatabase();
applyMigrations(db);
db.$client.close();
console.log(`Migrations applied to ${databasePath()}`);
