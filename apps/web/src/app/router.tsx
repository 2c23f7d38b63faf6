import type { RouteObject } from 'react-router';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from '../components/layout/app-layout';
import { AppErrorRoute } from './routes/app-error';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';

/*
 * Resident routes are few and small, so they ship in the main bundle. The convenor/staff console,
 * when it comes, goes behind `lazy` so a resident's phone never downloads it.
 */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <AppErrorRoute />,
    children: [
      {
        // Errors inside a page keep the header (language, large text) around the message.
        errorElement: <AppErrorRoute />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
