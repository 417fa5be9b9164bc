// Interactive pages arrive prerendered, and a person can type into them before the Blazor circuit
// connects. When it connects, Blazor replaces the prerendered markup with live elements, and what
// was typed (and the focus) would be lost. For inputs marked data-early-input="key":
// - what is typed into the prerendered field is remembered;
// - when the live field replaces it, the live field gets the text, the focus and the caret, so the
//   person sees no change and keeps typing into it;
// - the page asks for the text once it is ready for it: marketplacePortal.takeEarlyInput(key).
// Loaded in <head>, so it listens before any input exists; it stops watching once every
// prerendered field has been replaced.
window.marketplacePortal = (() => {
    const attribute = 'data-early-input';
    // key -> { element, value, selectionStart, selectionEnd, focused, taken } for fields typed into before going live.
    const early = new Map();
    // Keys whose prerendered field has been replaced: the live field is Blazor's.
    const replaced = new Set();

    const fieldOf = key => document.querySelector(`input[${attribute}="${CSS.escape(key)}"]`);
    const keyOf = target => target instanceof HTMLInputElement ? target.getAttribute(attribute) : null;

    const remember = e => {
        const key = keyOf(e.target);
        if (key === null || replaced.has(key)) {
            return;
        }
        const entry = early.get(key);
        // Focus and caret moves matter only once something was typed.
        if (entry === undefined && e.type !== 'input') {
            return;
        }
        early.set(key, {
            ...entry,
            element: e.target,
            value: e.target.value,
            selectionStart: e.target.selectionStart,
            selectionEnd: e.target.selectionEnd,
            focused: document.activeElement === e.target,
        });
    };
    for (const type of ['input', 'keyup', 'select', 'focusin']) {
        document.addEventListener(type, remember, true);
    }
    document.addEventListener('focusout', e => {
        const entry = early.get(keyOf(e.target));
        // Focus moved to something else on purpose, not just away from an element leaving the page.
        if (entry !== undefined && entry.element === e.target && e.relatedTarget !== null) {
            entry.focused = false;
        }
    }, true);

    const handOver = key => {
        replaced.add(key);
        const entry = early.get(key);
        const field = fieldOf(key);
        if (entry === undefined || field === null) {
            return;
        }
        if (entry.focused && (document.activeElement === null || document.activeElement === document.body)) {
            field.focus();
        }
        if (field.value !== entry.value) {
            field.value = entry.value;
            // The page took the text before the field was replaced: what was typed since reaches it as input.
            if (entry.taken !== undefined && entry.taken !== entry.value) {
                field.dispatchEvent(new Event('input', { bubbles: true }));
            }
        }
        if (document.activeElement === field) {
            field.setSelectionRange(entry.selectionStart, entry.selectionEnd);
        }
    };

    // The prerendered fields, known once the document is parsed (long before the circuit renders).
    let prerendered = [];
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
        /** What was typed into the field before the page went live (as the field holds it now), or null; once. */
        takeEarlyInput(key) {
            const entry = early.get(key);
            if (entry === undefined || entry.taken !== undefined) {
                return null;
            }
            entry.taken = fieldOf(key)?.value ?? entry.value;
            return entry.taken;
        },
    };
})();
