/** The mini-program is signed in by WeChat: no QR to show (qr-sign-in.d.ts). */
export default function QrSignIn(): null {
  return null;
}
