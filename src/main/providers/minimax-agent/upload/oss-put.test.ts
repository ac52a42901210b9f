import { describe, expect, it } from 'vitest';
import { toSendAttachment } from './attachment-shape';
import { objectTarget } from './oss-put';

describe('objectTarget', () => {
  it('puts the bucket in front of a bare region endpoint, as ali-oss does', () => {
    expect(objectTarget('oss-cn-shanghai.aliyuncs.com', 'agent-files', 'agent/1/a b.png')).toEqual({
      url: 'https://agent-files.oss-cn-shanghai.aliyuncs.com/agent/1/a%20b.png',
      resource: '/agent-files/agent/1/a b.png',
    });
    expect(objectTarget('http://agent-files.oss-cn-shanghai.aliyuncs.com', 'agent-files', 'k.png').url).toBe('http://agent-files.oss-cn-shanghai.aliyuncs.com/k.png');
  });

  it('uses an endpoint with a path as given (bucket-style endpoints, the simulator)', () => {
    expect(objectTarget('http://127.0.0.1:9/__oss/sim/', 'sim', 'd/k.png')).toEqual({ url: 'http://127.0.0.1:9/__oss/sim/d/k.png', resource: '/sim/d/k.png' });
  });
});

describe('toSendAttachment', () => {
  const file = { fileId: 42, fileName: 'u.pdf', fileUrl: 'https://oss/u.pdf', kind: 'file' as const };
  it('builds both known shapes, with file_type 2 for images and 6 for other files', () => {
    expect(toSendAttachment(file, 'file-id')).toEqual({ file_type: 6, file_id: 42, file_name: 'u.pdf' });
    expect(toSendAttachment({ ...file, kind: 'image' }, 'file-id')).toMatchObject({ file_type: 2 });
    expect(toSendAttachment(file, 'file-url')).toEqual({ file: { file_name: 'u.pdf', file_url: 'https://oss/u.pdf' }, attachment_type: 1 });
  });
});
