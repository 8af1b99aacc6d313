import type { ReactElement } from 'react';

/** 扫码登录 on the desktop (H5); nothing in the mini-program, which WeChat signs in by itself. */
export default function QrSignIn(props: { onSignedIn: () => void }): ReactElement | null;
