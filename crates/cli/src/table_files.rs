//! `convert --parquet DIR` and `--csv-tables DIR`: the dataset's tidy
//! tables (`unprog_export::tables`) as a folder of files, one per table.
//!
//! The folder is rebuilt from the whole dataset every run (the batch pushes
//! every document of the dataset folder, kept ones too), so it never
//! shrinks to one run's inputs nor holds a document twice. It is written
//! into a temporary folder beside DIR (`.NAME.PID.tmp`) and swapped in
//! whole at the end (an atomic exchange where the system has one): DIR is
//! never half-written, and a run that fails or is killed leaves the
//! earlier one. Temporary folders of dead runs are removed.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use unprog_export::csv::TableSet;
use unprog_export::parquet::ParquetSet;
use unprog_export::tables::Tables;

use crate::dataset;
use crate::writers::WriteError;

/// A folder being written under a temporary name beside its destination.
struct Folder {
    tmp: PathBuf,
    dest: PathBuf,
    swapped: bool,
}

impl Folder {
    /// Creates the temporary folder for `dest` (removing dead runs' ones).
    fn create(dest: &Path, flag: &str) -> Result<Folder> {
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .with_context(|| format!("{flag} {}: give a folder name", dest.display()))?;
        if dest.exists() && !dest.is_dir() {
            anyhow::bail!("{flag} {}: a file, not a folder", dest.display());
        }
        let parent = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)
            .with_context(|| format!("cannot create the folder {}", parent.display()))?;
        remove_dead_runs(&parent, &name);
        let tmp = parent.join(format!(".{name}.{}.tmp", std::process::id()));
        let _ = fs::remove_dir_all(&tmp);
        fs::create_dir(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
        Ok(Folder {
            tmp,
            dest: dest.to_path_buf(),
            swapped: false,
        })
    }

    /// Puts the finished folder in place of the destination.
    fn swap_in(mut self) -> Result<()> {
        let cannot = || format!("cannot put {} in place", self.dest.display());
        if self.dest.exists() {
            if exchange(&self.tmp, &self.dest) {
                // The temporary name now holds the earlier folder.
                let _ = fs::remove_dir_all(&self.tmp);
            } else {
                let old = self.tmp.with_file_name(format!(
                    ".{}-old.{}.tmp",
                    self.dest.file_name().unwrap_or_default().to_string_lossy(),
                    std::process::id()
                ));
                let _ = fs::remove_dir_all(&old);
                fs::rename(&self.dest, &old).with_context(cannot)?;
                fs::rename(&self.tmp, &self.dest).with_context(cannot)?;
                let _ = fs::remove_dir_all(&old);
            }
        } else {
            fs::rename(&self.tmp, &self.dest).with_context(cannot)?;
        }
        self.swapped = true;
        Ok(())
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        if !self.swapped {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Removes the temporary folders for `name` that runs no longer alive left
/// in `parent`.
fn remove_dead_runs(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let file_name = e.file_name().to_string_lossy().into_owned();
        let ours = file_name.starts_with(&format!(".{name}."))
            || file_name.starts_with(&format!(".{name}-old."));
        if let Some(pid) = dataset::temp_owner(&file_name).filter(|_| ours) {
            if pid != std::process::id()
                && !dataset::alive(pid)
                && e.file_type().is_ok_and(|t| t.is_dir())
            {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
}

/// Swaps two paths in one step (Linux `renameat2(RENAME_EXCHANGE)`);
/// `false` where the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (
        CString::new(a.as_os_str().as_bytes()),
        CString::new(b.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: two NUL-terminated paths that outlive the call.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    r == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
}

/// A table folder being written: its temporary copy and the file set
/// written into it (on its writer thread, `crate::writers`).
pub struct TableFolder {
    folder: Folder,
    set: Set,
}

/// The files of a table folder.
enum Set {
    /// `--parquet DIR`.
    Parquet(ParquetSet),
    /// `--csv-tables DIR`.
    Csv(TableSet),
}

impl TableFolder {
    /// Starts the folder of `--parquet DIR` (its temporary copy beside it).
    pub fn parquet(dest: &Path) -> Result<TableFolder> {
        let folder = Folder::create(dest, "--parquet")?;
        let set = Set::Parquet(ParquetSet::create(&folder.tmp)?);
        Ok(TableFolder { folder, set })
    }

    /// Starts the folder of `--csv-tables DIR`.
    pub fn csv(dest: &Path) -> Result<TableFolder> {
        let folder = Folder::create(dest, "--csv-tables")?;
        let set = Set::Csv(TableSet::create(&folder.tmp)?);
        Ok(TableFolder { folder, set })
    }

    /// What it holds, for messages.
    pub fn name(&self) -> &'static str {
        match self.set {
            Set::Parquet(_) => "Parquet",
            Set::Csv(_) => "CSV tables",
        }
    }

    /// Adds one input's rows.
    pub fn push(&mut self, tables: &Tables) -> Result<(), WriteError> {
        match &mut self.set {
            Set::Parquet(set) => set.push(tables)?,
            Set::Csv(set) => set.push(tables)?,
        }
        Ok(())
    }

    /// Closes the files and swaps the folder in.
    pub fn finish(self) -> Result<(), WriteError> {
        match self.set {
            Set::Parquet(set) => set.finish()?,
            Set::Csv(set) => set.finish()?,
        }
        self.folder
            .swap_in()
            .map_err(|e| WriteError::Place(format!("{e:#}")))
    }
}
