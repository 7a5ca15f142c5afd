/**
 * Refuses the passwords attackers try first, with zxcvbn-ts (a maintained port of Dropbox's
 * zxcvbn): common passwords, keyboard walks, repeats and sequences score low. A score of 2 or
 * more ("somewhat guessable" and up, ~10^6 guesses or more) passes; long passphrases pass easily.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_SCORE = 2;
export const WEAK_PASSWORD_MESSAGE = 'This password is too easy to guess. Try a few unrelated words.';

let checker: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  // Built on first use: the dictionaries take a moment to index.
  checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return checker;
}

/** True when the password is too easy to guess, given the account's own words (email, name). */
export function isGuessablePassword(password: string, userInputs: string[] = []): boolean {
  if (password.trim().length === 0) return true;
  return zxcvbn().check(password.slice(0, 100), userInputs).score < MIN_PASSWORD_SCORE;
}
