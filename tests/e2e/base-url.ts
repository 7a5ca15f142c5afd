/** The URL of the server the running test's project talks to (desktop-pg has its own, on PostgreSQL). */
import { test } from '@playwright/test';
import { baseURL } from '../../playwright.config';

export function projectBaseURL(): string {
  return test.info().project.use.baseURL ?? baseURL;
}
