import { APP_NAME, BrandMark } from '@/components/brand';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="auth-wrap">
      <div className="auth-card">
        <div className="auth-head">
          <BrandMark />
          <p className="muted small" style={{ margin: 0 }}>
            {APP_NAME} · read, remember, understand
          </p>
        </div>
        {children}
      </div>
    </main>
  );
}
