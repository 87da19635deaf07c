import { ApiProviders } from '@/app/api-providers';
import { VerifyPage } from '@/app/desk/verify-page';

export default function DeskRoute() {
  return (
    <ApiProviders baseUrl="/caoliao/desk" audience="staff">
      <main>
        <h1>凭证核销</h1>
        <VerifyPage />
      </main>
    </ApiProviders>
  );
}
