/** The signed-in person a request acts for (set by the access guard on `req.user`, from the session cookie). */
export interface Actor {
  id: string;
  phone: string;
  displayName: string;
  sessionId: string;
  csrfToken: string;
}
