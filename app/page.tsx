import { redirect } from 'next/navigation';
import { currentUser } from '@/db/queries/session';

export default async function Home() {
  redirect((await currentUser()) ? '/today' : '/signin');
}
