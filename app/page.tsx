import { redirect } from 'next/navigation';
import { currentUser } from '@/app/_lib/session';

export default async function Home() {
  redirect((await currentUser()) ? '/today' : '/signin');
}
