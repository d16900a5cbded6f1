;;; test.el --- Emacs + eglot with the README's configuration against the real `newslsp serve`  -*- lexical-binding: t -*-
;; Run by run-tests.sh: emacs --batch -Q -l test.el, with NEWSLSP_SNIPPET (the README's elisp block, extracted),
;; NEWSLSP_WORK (a temporary folder with articles/ copied from seeds/) and `newslsp` on PATH.
;; Prints one line per check and "N passed, M failed" last; exits non-zero on a failure.
(require 'cl-lib)
(defvar newslsp-passed 0)
(defvar newslsp-failed 0)
(defvar newslsp-timeout (string-to-number (or (getenv "NEWSLSP_TIMEOUT") "60")))

(defmacro newslsp-check (name &rest body)
  `(condition-case err
       (progn ,@body (cl-incf newslsp-passed) (princ (format "ok - %s\n" ,name)))
     (error (cl-incf newslsp-failed)
            (princ (format "not ok - %s\n    %s\n" ,name (error-message-string err))))))

(defun newslsp-server-gone ()
  "Non-nil when this buffer's eglot server was started and has exited: waiting longer is pointless."
  (let ((server (and (fboundp 'eglot-current-server) (eglot-current-server))))
    (and server (not (jsonrpc-running-p server)))))

(defvar newslsp-no-server nil "Set when eglot did not start the server: later waits fail at once.")

(defun newslsp-wait (what predicate)
  (when newslsp-no-server (error "no server (see above)"))
  (let ((deadline (+ (float-time) newslsp-timeout)) result)
    (while (and (not (setq result (funcall predicate))) (< (float-time) deadline) (not (newslsp-server-gone)))
      (accept-process-output nil 0.1))
    (or result
        (if (newslsp-server-gone) (error "the server exited while waiting for %s" what)
          (error "timed out after %ss waiting for %s" newslsp-timeout what)))))

(defun newslsp-diagnostics ()
  "Flymake's diagnostics in the current buffer as (LINE . TEXT), asking flymake to report first."
  (when (bound-and-true-p flymake-mode) (flymake-start))
  (accept-process-output nil 0.05)
  (mapcar (lambda (d) (cons (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d)))
          (flymake-diagnostics)))

(defun newslsp-find (code line)
  (cl-find-if (lambda (d) (and (= (car d) line) (string-match-p (regexp-quote (format "[%s]" code)) (cdr d))))
              (newslsp-diagnostics)))

(setq eglot-sync-connect 30 eglot-connect-timeout 60)
;; -Q skips site-start and package activation: activate the installed packages (Debian's elpa-eglot lives in
;; /usr/share/emacs/site-lisp/elpa; Emacs 29+ has eglot built in).
(require 'package)
(dolist (dir '("/usr/share/emacs/site-lisp/elpa" "/usr/local/share/emacs/site-lisp/elpa"))
  (when (file-directory-p dir) (add-to-list 'package-directory-list dir)))
(package-initialize)
(newslsp-check "the README's eglot configuration loads (with the eglot package)"
  (require 'eglot)
  (load (getenv "NEWSLSP_SNIPPET") nil t)
  (unless (assq 'news-article-mode eglot-server-programs) (error "news-article-mode is not in eglot-server-programs")))
(unless (featurep 'eglot)
  (princ (format "%d passed, %d failed\n" newslsp-passed newslsp-failed))
  (kill-emacs 1))

(let* ((work (file-name-as-directory (getenv "NEWSLSP_WORK")))
       (f004 (expand-file-name "articles/004_e53c9e50c8586f4d.txt" work)))
  (find-file f004)
  ;; eglot-ensure connects from post-command-hook, which the interactive command loop runs after `find-file';
  ;; batch mode has no command loop, so run the hook once as it would.
  (condition-case err (run-hooks 'post-command-hook)
    (error (princ (format "    (connecting: %s)\n" (error-message-string err)))))
  (newslsp-check "an article under articles/ opens in news-article-mode"
    (unless (eq major-mode 'news-article-mode) (error "major mode is %s" major-mode)))
  (newslsp-check "eglot starts `newslsp serve` for it"
    (setq newslsp-no-server t)
    (let ((newslsp-no-server nil) (newslsp-timeout 30))
      (newslsp-wait "an eglot server" (lambda () (eglot-current-server))))
    (setq newslsp-no-server nil)
    (let ((server (eglot-current-server)))
      (unless (jsonrpc-running-p server) (error "server not running"))
      (unless (equal (process-command (jsonrpc--process server)) '("newslsp" "serve"))
        (error "command %S" (process-command (jsonrpc--process server))))))
  (newslsp-check "NEWS004 (generic alt text) on lines 2 and 4 reach flymake"
    (newslsp-wait "NEWS004 on line 2" (lambda () (newslsp-find "NEWS004" 2)))
    (unless (newslsp-find "NEWS004" 4) (error "no NEWS004 on line 4: %S" (newslsp-diagnostics))))
  (newslsp-check "eglot-workspace-configuration reaches the server: NEWS002 (on by default here) is off"
    ;; `newslsp lint` reports NEWS002 on line 1 of this file; the README's snippet turns it off.
    (newslsp-wait "the file's diagnostics" (lambda () (newslsp-find "NEWS004" 2)))
    (when (newslsp-find "NEWS002" 1) (error "NEWS002 is still reported: %S" (newslsp-diagnostics))))
  (newslsp-check "an edit is sent to the server: an unclosed quotation on a new line 3 gets NEWS001"
    (goto-char (point-min)) (forward-line 2)
    (insert "Il ministro ha detto: “Non ci sarà alcun accordo.\n")
    ;; eglot sends didChange from an idle timer; batch Emacs is never idle, so send as that timer would.
    (eglot--signal-textDocument/didChange)
    (newslsp-wait "NEWS001 on line 3" (lambda () (newslsp-find "NEWS001" 3))))
  (ignore-errors (eglot-shutdown (eglot-current-server))))

(princ (format "%d passed, %d failed\n" newslsp-passed newslsp-failed))
(kill-emacs (if (= newslsp-failed 0) 0 1))
