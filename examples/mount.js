// The JS mount API: mount(element, options) → { setAudience(id), destroy() }.
import { mount } from '../embed.js';

const slot = document.getElementById('slot');
const handle = await mount(slot, { audience: 'patient', id: 'slot' });
window.eaHandle = handle;
document.getElementById('student').addEventListener('click', () => handle.setAudience('student'));
document.getElementById('destroy').addEventListener('click', () => handle.destroy());
