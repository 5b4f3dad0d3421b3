import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { LinkedText } from '../../../../renderer/components/linked-text';

const render = (text: string) => renderToStaticMarkup(<LinkedText text={text} />);

describe('LinkedText', () => {
  it('links an https URL and leaves trailing punctuation outside the link', () => {
    const html = render(
      'Create one at https://platform.openai.com/settings/organization/admin-keys. Then retry.',
    );
    expect(html).toBe(
      'Create one at <a href="https://platform.openai.com/settings/organization/admin-keys" target="_blank" rel="noreferrer noopener">https://platform.openai.com/settings/organization/admin-keys</a>. Then retry.',
    );
  });

  it('leaves text without links, and http or javascript URLs, as plain (escaped) text', () => {
    expect(render('No link here <b>')).toBe('No link here &lt;b&gt;');
    expect(render('see http://example.com or javascript:alert(1)')).not.toContain('<a');
  });
});
