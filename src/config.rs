//! Where clausewright keeps its own files: takes the relevant environment (passed in, so this
//! stays a plain function) and returns the config folder and the profile's path.
//!
//! Linux and macOS both follow the XDG base directory convention: `$XDG_CONFIG_HOME` when it
//! is an absolute path, else `~/.config`. macOS's `~/Library/Application Support` is where
//! desktop applications keep settings, but clausewright is a terminal program and its users
//! look in `~/.config`, as they do for git, fish or neovim. Windows uses `%APPDATA%`.

use std::path::PathBuf;

/// The profile's file name inside the config folder.
const PROFILE: &str = "profile.yaml";

/// What the config folder depends on.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// `$XDG_CONFIG_HOME`, if set.
    pub xdg_config_home: Option<PathBuf>,
    /// The user's home folder.
    pub home: Option<PathBuf>,
    /// `%APPDATA%` (Windows' roaming application data folder), on Windows.
    pub app_data: Option<PathBuf>,
    /// Whether this is Windows.
    pub windows: bool,
}

impl Environment {
    /// The environment of this process.
    #[must_use]
    pub fn current() -> Self {
        Self {
            xdg_config_home: std::env::var_os("XDG_CONFIG_HOME").map(PathBuf::from),
            home: dirs::home_dir(),
            app_data: if cfg!(windows) {
                dirs::config_dir()
            } else {
                None
            },
            windows: cfg!(windows),
        }
    }

    /// clausewright's config folder, `…/clausewright`; `None` when no home folder is known.
    #[must_use]
    pub fn config_dir(&self) -> Option<PathBuf> {
        let base = if self.windows {
            self.app_data.clone()
        } else {
            // The XDG specification: a relative value is invalid and must be ignored.
            self.xdg_config_home
                .clone()
                .filter(|path| path.is_absolute())
                .or_else(|| self.home.as_deref().map(|home| home.join(".config")))
        }?;
        Some(base.join("clausewright"))
    }

    /// A folder name as typed, with a leading `~` standing for the home folder, as a shell
    /// reads it: `~` alone, or followed by a separator (`~/contracts`). Any other name, `~maya`
    /// included, is kept as typed, and so is `~` when no home folder is known.
    #[must_use]
    pub fn expand_home(&self, typed: &str) -> PathBuf {
        let (Some(home), Some(rest)) = (&self.home, typed.strip_prefix('~')) else {
            return PathBuf::from(typed);
        };
        let separators: &[char] = if self.windows { &['/', '\\'] } else { &['/'] };
        if rest.is_empty() {
            return home.clone();
        }
        match rest.strip_prefix(separators) {
            Some(below) => home.join(below.trim_start_matches(separators)),
            None => PathBuf::from(typed),
        }
    }

    /// Where `new` reads and saves the freelancer's own details.
    #[must_use]
    pub fn profile_path(&self) -> Option<PathBuf> {
        self.config_dir().map(|dir| dir.join(PROFILE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unix(xdg: Option<&str>, home: Option<&str>) -> Environment {
        Environment {
            xdg_config_home: xdg.map(PathBuf::from),
            home: home.map(PathBuf::from),
            app_data: None,
            windows: false,
        }
    }

    #[test]
    fn xdg_config_home_wins_when_absolute() {
        let env = unix(Some("/srv/conf"), Some("/home/maya"));
        assert_eq!(
            env.profile_path(),
            Some(PathBuf::from("/srv/conf/clausewright/profile.yaml"))
        );
    }

    #[test]
    fn a_relative_or_missing_xdg_config_home_falls_back_to_dot_config() {
        for xdg in [None, Some("conf"), Some("")] {
            let env = unix(xdg, Some("/Users/maya"));
            assert_eq!(
                env.profile_path(),
                Some(PathBuf::from(
                    "/Users/maya/.config/clausewright/profile.yaml"
                )),
                "XDG_CONFIG_HOME={xdg:?}"
            );
        }
        assert_eq!(unix(None, None).profile_path(), None);
    }

    #[test]
    fn a_leading_tilde_is_the_home_folder() {
        let env = unix(None, Some("/home/maya"));
        for (typed, folder) in [
            ("~", "/home/maya"),
            ("~/", "/home/maya"),
            ("~/contracts/2026", "/home/maya/contracts/2026"),
            ("~//contracts", "/home/maya/contracts"),
            ("~maya/contracts", "~maya/contracts"),
            ("contracts/~", "contracts/~"),
            ("/srv/~/x", "/srv/~/x"),
            ("", ""),
        ] {
            assert_eq!(env.expand_home(typed), PathBuf::from(folder), "{typed:?}");
        }
        assert_eq!(unix(None, None).expand_home("~/x"), PathBuf::from("~/x"));
    }

    #[test]
    fn windows_uses_app_data_and_ignores_xdg() {
        let env = Environment {
            xdg_config_home: Some(PathBuf::from("/srv/conf")),
            home: Some(PathBuf::from(r"C:\Users\maya")),
            app_data: Some(PathBuf::from(r"C:\Users\maya\AppData\Roaming")),
            windows: true,
        };
        assert_eq!(
            env.config_dir(),
            Some(PathBuf::from(r"C:\Users\maya\AppData\Roaming").join("clausewright"))
        );
    }
}
