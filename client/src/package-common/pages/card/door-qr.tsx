import { View } from '@tarojs/components';
import { useMemo } from 'react';
import QRCode from 'qrcode';

/**
 * A QR code drawn as rows of squares (QRCode.create gives the module matrix in plain JS), so it
 * needs no canvas and prints crisply at any size. The code holds only the page's address and the
 * household's record id: whoever scans it still has to sign in as a member of that household (or
 * as its helper or an admin in scope) before the card shows anything.
 */
export default function DoorQr({ link }: { link: string }) {
  const rows = useMemo(() => {
    const { modules } = QRCode.create(link, { errorCorrectionLevel: 'M' });
    return Array.from({ length: modules.size }, (_, r) => Array.from({ length: modules.size }, (_, c) => Boolean(modules.get(r, c))));
  }, [link]);
  return (
    <View className='card-qr' aria-label='帮扶明白卡二维码'>
      {rows.map((row, r) => (
        <View key={r} className='card-qr__row'>
          {row.map((dark, c) => (
            <View key={c} className={dark ? 'card-qr__dot card-qr__dot--dark' : 'card-qr__dot'} />
          ))}
        </View>
      ))}
    </View>
  );
}
