import { parseNoticeBody, plainText } from '../../types/notice-body';

describe('a notice body is parsed into safe blocks', () => {
  it('splits paragraphs on blank lines and keeps single line breaks inside a paragraph', () => {
    expect(parseNoticeBody('第一段\n续行\n\n第二段')).toEqual([
      { kind: 'paragraph', spans: [{ text: '第一段\n续行', bold: false }] },
      { kind: 'paragraph', spans: [{ text: '第二段', bold: false }] },
    ]);
  });

  it('turns **text** into bold spans and leaves an unmatched ** as typed', () => {
    expect(parseNoticeBody('请于**周五**前完成 **注意')[0]).toEqual({
      kind: 'paragraph',
      spans: [
        { text: '请于', bold: false },
        { text: '周五', bold: true },
        { text: '前完成 **注意', bold: false },
      ],
    });
  });

  it('groups "- " lines into a bullet list and "1. " lines into a numbered list', () => {
    const blocks = parseNoticeBody('要求：\n- 入户\n- 拍照\n1. 先核查\n2、再上报');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'list']);
    expect(blocks[1]).toMatchObject({ ordered: false, items: [[{ text: '入户' }], [{ text: '拍照' }]] });
    expect(blocks[2]).toMatchObject({ ordered: true, items: [[{ text: '先核查' }], [{ text: '再上报' }]] });
  });

  it('keeps HTML as plain text, never as markup', () => {
    expect(parseNoticeBody('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'paragraph', spans: [{ text: '<img src=x onerror=alert(1)>', bold: false }] }]);
  });

  it('gives a plain-text version without the markup, for copying into a chat', () => {
    expect(plainText('请注意**安全**\n\n- 一\n- 二')).toBe('请注意安全\n\n· 一\n· 二');
  });
});
