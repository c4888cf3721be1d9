// Reports the user's own activity on a live portal page (not the server's screen updates) so that the
// server-side session's idle timer is renewed (P1). At most one report every 5 seconds.
window.vmsSession = window.vmsSession || {
    ref: null,
    last: 0,
    // The last activity report in flight (lets a test wait for it).
    pending: null,
    listening: false,
    watch(ref) {
        const self = window.vmsSession;
        self.ref = ref;
        if (self.listening) {
            return;
        }
        self.listening = true;
        const report = () => {
            const now = Date.now();
            if (self.ref === null || now - self.last < 5000) {
                return;
            }
            self.last = now;
            self.pending = self.ref.invokeMethodAsync('Touch').catch(() => { });
        };
        for (const name of ['pointerdown', 'keydown', 'wheel', 'touchstart']) {
            document.addEventListener(name, report, { capture: true, passive: true });
        }
    },
    unwatch(ref) {
        if (window.vmsSession.ref === ref) {
            window.vmsSession.ref = null;
        }
    },
};
