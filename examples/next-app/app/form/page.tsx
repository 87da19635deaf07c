import { ApiErrorBoundary } from 'caoliao-api-errors';
import { ApiProviders } from '@/app/api-providers';
import { SubmitPage } from '@/app/form/submit-page';

// Form 7001 and QR code 8001 of the simulator's world; a real page reads them from the code's URL.
export default function FormRoute() {
  return (
    <ApiProviders baseUrl="/caoliao/form" audience="public">
      <main>
        <ApiErrorBoundary>
          <SubmitPage tplId={7001} codeId={8001} />
        </ApiErrorBoundary>
      </main>
    </ApiProviders>
  );
}
