// Interactive pages arrive prerendered, and a person can type into them before the Blazor circuit
// connects. When it connects, Blazor replaces the prerendered markup with live elements, and what
// was typed (and the focus) would be lost. For inputs marked data-early-input="key":
// - what is typed is remembered until the page asks for it, in the prerendered field and in the
//   live one while the page is still starting;
// - when the live field replaces the prerendered one, it gets the focus (Chrome drops it with the
//   old element, and keystrokes would go nowhere), the text and the caret, so the person sees no
//   change and keeps typing into it;
// - the page asks for the text once it is ready for it: marketplacePortal.takeEarlyInput(key).
// Loaded in <head>, so it listens before any input exists; it stops watching for replacements once
// every prerendered field has been replaced.
window.marketplacePortal = (() => {
    const attribute = 'data-early-input';
    // key -> { element, value, selectionStart, selectionEnd, focused, typed } for fields focused or typed into early.
    const early = new Map();
    // key -> the text the page took: from then on the field is the page's alone.
    const taken = new Map();

    // The prerendered fields, known once the document is parsed (long before the circuit renders).
    let prerendered = [];

    const fieldOf = key => document.querySelector(`input[${attribute}="${CSS.escape(key)}"]`);
    const keyOf = target => target instanceof HTMLInputElement ? target.getAttribute(attribute) : null;

    const remember = e => {
        const key = keyOf(e.target);
        // Once the page has taken the text, the live field is its own; the prerendered one is still
        // watched until it is replaced, so what is typed there meanwhile is carried over too.
        if (key === null || (taken.has(key) && !prerendered.includes(e.target))) {
            return;
        }
        early.set(key, {
            element: e.target,
            value: e.target.value,
            selectionStart: e.target.selectionStart,
            selectionEnd: e.target.selectionEnd,
            focused: document.activeElement === e.target,
            typed: early.get(key)?.typed === true || e.type === 'input',
        });
    };
    for (const type of ['input', 'keyup', 'select', 'focusin']) {
        document.addEventListener(type, remember, true);
    }
    document.addEventListener('focusout', e => {
        const entry = early.get(keyOf(e.target));
        if (entry === undefined || entry.element !== e.target) {
            return;
        }
        // Chrome blurs a focused element as it removes it, from inside the code removing it; the check
        // runs once that code is done. A field still on the page lost the focus to the person's choice.
        queueMicrotask(() => {
            if (e.target.isConnected) {
                entry.focused = false;
            }
        });
    }, true);

    const handOver = key => {
        const entry = early.get(key);
        const field = fieldOf(key);
        if (entry === undefined || field === null) {
            return;
        }
        if (entry.focused && (document.activeElement === null || document.activeElement === document.body)) {
            field.focus();
        }
        if (entry.typed && field.value !== entry.value) {
            field.value = entry.value;
            // The page took the text before the field was replaced: what was typed since reaches it as input.
            if (taken.has(key) && taken.get(key) !== entry.value) {
                field.dispatchEvent(new Event('input', { bubbles: true }));
            }
        }
        if (document.activeElement === field) {
            field.setSelectionRange(entry.selectionStart, entry.selectionEnd);
        }
    };

    const observer = new MutationObserver(() => {
        const gone = prerendered.filter(element => !element.isConnected);
        if (gone.length === 0) {
            return;
        }
        prerendered = prerendered.filter(element => element.isConnected);
        for (const element of gone) {
            handOver(element.getAttribute(attribute));
        }
        if (prerendered.length === 0) {
            observer.disconnect();
        }
    });
    document.addEventListener('DOMContentLoaded', () => {
        prerendered = [...document.querySelectorAll(`input[${attribute}]`)];
        if (prerendered.length > 0) {
            observer.observe(document.body, { childList: true, subtree: true });
        }
    });

    return {
        /** What was typed into the field before the page was ready (as the field holds it now), or null; once. */
        takeEarlyInput(key) {
            if (taken.has(key)) {
                return null;
            }
            const entry = early.get(key);
            const text = entry?.typed === true ? fieldOf(key)?.value ?? entry.value : null;
            taken.set(key, text);
            return text;
        },
    };
})();
