// Entry point for the TypeORM CLI (`npm run db:generate`): the same DataSource as the app.
import 'reflect-metadata';
import { createDataSource } from './data-source';

const url = process.env['DATABASE_URL'];
if (!url) {
  throw new Error('DATABASE_URL must point at a scratch database to generate a migration against');
}
export default createDataSource(url);
