import type { Metadata, Viewport } from 'next';
import { ServiceWorker } from '@/components/pwa/service-worker';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Recall', template: '%s · Recall' },
  description: 'Spaced-repetition flashcards and comprehension quizzes for course readings.',
  applicationName: 'Recall',
  appleWebApp: { capable: true, title: 'Recall', statusBarStyle: 'default' },
  icons: { icon: '/icons/icon-192.png', apple: '/icons/apple-touch-icon.png' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#171c27' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <ServiceWorker />
      </body>
    </html>
  );
}
