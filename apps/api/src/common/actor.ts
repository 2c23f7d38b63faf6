/** The signed-in person a request acts for (set by the session strategy on `req.user`). */
export interface Actor {
  id: string;
  phone: string;
  displayName: string;
  sessionId: string;
  csrfToken: string;
}
