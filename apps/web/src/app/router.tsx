import { createBrowserRouter } from 'react-router';
import { ErrorPage } from '../pages/ErrorPage.tsx';
import { HomePage } from '../pages/home/HomePage.tsx';
import { LandingPage } from '../pages/LandingPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { SignUpPage } from '../pages/SignUpPage.tsx';
import { PageLayout } from '../ui/index.ts';
import { AppLayout } from './AppLayout.tsx';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    // Last resort, if the layout itself fails: who is signed in is unknown, so no account controls.
    errorElement: (
      <PageLayout signedIn={false}>
        <ErrorPage />
      </PageLayout>
    ),
    children: [
      {
        // Errors render inside the layout, so the header and crisis footer stay on screen.
        errorElement: <ErrorPage />,
        children: [
          { index: true, element: <LandingPage /> },
          { path: 'sign-up', element: <SignUpPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'home', element: <HomePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
